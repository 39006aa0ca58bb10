-- 党费 paid online (WeChat Pay API v3, H5): the orders members place for themselves, the refunds of mistaken ones,
-- the nonces of notifications already accepted (a replayed notification is refused) and the reconciliations against
-- the provider's daily trade bill. Money the provider handles is in 分 (bigint), as it counts it; what the order
-- pays is kept in 元 as the ledger posts it.
create sequence dues_online_order_seq;
create table dues_online_order (
    id              bigint primary key default nextval('dues_online_order_seq'),
    out_trade_no    varchar(32) not null unique,   -- ours, sent to the provider
    member_id       bigint not null,
    org_id          bigint not null,
    org_path        text collate "C" not null,
    months          date[] not null,               -- months paid, each in full (may be empty: an extra only)
    dues            numeric(12,2) not null check (dues >= 0),
    extra           numeric(12,2) not null default 0 check (extra >= 0),  -- F7 voluntary, on top
    total_fen       bigint not null check (total_fen > 0),
    status          text not null check (status in ('CREATED', 'PAID', 'CLOSED', 'REFUNDING', 'REFUNDED')),
    h5_url          text,
    expires_at      timestamptz not null,
    transaction_id  varchar(32) unique,            -- the provider's, once paid
    paid_at         timestamptz,
    settled_by      text check (settled_by in ('NOTIFICATION', 'QUERY', 'RECONCILIATION')),
    ledger_entry    bigint,                        -- what DuesPayments.settleOnline returned
    created_by      text not null,
    created_at      timestamptz not null default now(),
    closed_at       timestamptz,
    check ((status in ('PAID', 'REFUNDING', 'REFUNDED')) = (paid_at is not null))
);
create index dues_online_order_member on dues_online_order (member_id, id desc);
create index dues_online_order_subtree on dues_online_order (org_path, created_at);
create index dues_online_order_paid on dues_online_order (paid_at) where paid_at is not null;

-- A refund of a whole order (a mistaken payment): asked by a secretary with a reason, or made on the merchant
-- platform and learnt from its notification. On success the ledger posts a reversal.
create sequence dues_online_refund_seq;
create table dues_online_refund (
    id              bigint primary key default nextval('dues_online_refund_seq'),
    order_id        bigint not null unique references dues_online_order (id),
    out_refund_no   varchar(64) not null unique,
    refund_id       varchar(32),
    amount_fen      bigint not null check (amount_fen > 0),
    reason          varchar(500) not null,
    status          text not null check (status in ('PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL')),
    reversal_entry  bigint,
    requested_by    text not null,
    requested_at    timestamptz not null default now(),
    succeeded_at    timestamptz
);

-- Nonces of notifications whose signature held, kept past the 5-minute window in which a replay could be accepted.
create table dues_online_notify_nonce (
    nonce       varchar(64) primary key,
    seen_at     timestamptz not null default now()
);
create index dues_online_notify_nonce_age on dues_online_notify_nonce (seen_at);

-- One comparison of a day's trade bill with the orders: its file's SHA1 (checked against the provider's), and
-- each finding. A finding names the order (and so its organization) when the trade is ours.
create sequence dues_online_reconciliation_seq;
create table dues_online_reconciliation (
    id              bigint primary key default nextval('dues_online_reconciliation_seq'),
    bill_date       date not null,
    statement_sha1  varchar(40),                   -- null: the provider had no bill that day
    trades          int not null,
    findings        int not null,
    run_by          text not null,
    run_at          timestamptz not null default now()
);
create index dues_online_reconciliation_day on dues_online_reconciliation (bill_date, id desc);

create table dues_online_finding (
    reconciliation_id bigint not null references dues_online_reconciliation (id),
    seq             int not null,
    kind            text not null check (kind in ('SETTLED_FROM_BILL', 'MISSING_FROM_BILL', 'AMOUNT_DIFFERS',
                                                   'UNKNOWN_TRADE', 'REFUND_NOT_RECORDED')),
    out_trade_no    varchar(32) not null,
    order_id        bigint,
    org_path        text collate "C",
    bill_fen        bigint,
    order_fen       bigint,
    primary key (reconciliation_id, seq)
);
create index dues_online_finding_subtree on dues_online_finding (org_path);
