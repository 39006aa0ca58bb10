-- 党费 (RULES.md §2, F1–F8): bases, approved reductions, where each member's dues start, monthly bills, the ledger
-- (never updated or deleted: a correction is a reversing entry), remittances to the higher committee, and roll-ups
-- of due and collected amounts over every subtree. Amounts are numeric(12,2) 元; roll-ups count 分 in bigint.
-- Member ids carry no foreign key: a member who leaves the registry keeps their dues history.

-- Published by the member module for other modules' set-based reads (bills for a province in one statement): who is
-- in the registry of 正式 and 预备 党员 now, and where. Other modules read this view, never the member table.
create view registry_member as
select id as member_id, org_id, org_path, root_id, status, joined_on, converted_on from member;

-- A member's base and monthly amount from a month on (F1, F1a, F3, F5). A correction is a new row for the same month
-- (the highest id wins); rows are never edited. Under 年初核定 a row counts from the January after its month (or the
-- month dues start, if later), except for 年薪制 and the self-employed, whose bases change with what they earn.
create sequence dues_base_seq;
create table dues_base (
    id                bigint primary key default nextval('dues_base_seq'),
    member_id         bigint not null,
    org_id            bigint not null,
    org_path          text collate "C" not null,
    category          text not null check (category in ('SALARIED', 'ANNUAL_SALARY', 'SELF_EMPLOYED', 'RETIRED',
                                                         'FARMER', 'STUDENT', 'UNEMPLOYED', 'HARDSHIP')),
    effective_month   date not null check (extract(day from effective_month) = 1),
    counted_pay       numeric(12,2),          -- F1 salaried: the pay that counts, from the payslip
    income_tax        numeric(12,2),          -- tax actually withheld, as on the payslip
    social_insurance  numeric(12,2),          -- the member's own 五险一金
    annuity           numeric(12,2),          -- the member's own 职业年金/企业年金
    base              numeric(12,2),          -- null for fixed amounts
    computed          numeric(12,2) not null, -- by the rules, after the monthly cap
    chosen            numeric(12,2),          -- a higher monthly amount the member chose to pay (F1a), or null
    amount            numeric(12,2) not null, -- due each month: chosen or computed
    source            text not null check (source in ('FORM', 'IMPORT', 'API')),
    note              varchar(500),
    recorded_by       text not null,
    recorded_at       timestamptz not null default now(),
    check (amount >= 0 and computed >= 0 and (chosen is null or chosen >= computed))
);
create index dues_base_member on dues_base (member_id, effective_month desc, id desc);
create index dues_base_subtree on dues_base (org_path, effective_month);

-- F4 (第七条): a reduction or waiver for a period, decided by the branch and approved by the next-higher committee.
create sequence dues_relief_seq;
create table dues_relief (
    id            bigint primary key default nextval('dues_relief_seq'),
    member_id     bigint not null,
    org_id        bigint not null,
    org_path      text collate "C" not null,
    from_month    date not null,
    to_month      date not null,
    amount        numeric(12,2) not null check (amount >= 0),  -- monthly amount while it holds; 0: waived
    reason        varchar(500) not null,
    decided_on    date not null,                                -- the branch committee's decision
    status        text not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED', 'REVOKED')),
    proposed_by   text not null,
    proposed_at   timestamptz not null default now(),
    approved_by   text,
    approved_at   timestamptz,
    approver_note varchar(500),
    check (from_month <= to_month)
);
create index dues_relief_member on dues_relief (member_id, from_month);
create index dues_relief_subtree on dues_relief (org_path, status);

-- F5: the first month a member owes, when it is not the platform's first month: a 预备党员 from the admitting
-- branch meeting (CandidateAdmitted), a member restored to the registry, and so on.
create table dues_start (
    member_id     bigint primary key,
    first_month   date not null,
    reason        text not null,
    recorded_at   timestamptz not null default now()
);

-- One bill per member and month, made where the member belonged when it was made; its amount never changes. A
-- bill is OPEN until paid in full (PAID), WAIVED when an approved reduction made it zero, or VOID when the branch
-- withdrew it with a reason before payment (a mistaken bill; the month may then be billed again).
create table dues_bill (
    member_id     bigint not null,
    month         date not null,
    org_id        bigint not null,
    org_path      text collate "C" not null,
    root_id       bigint not null,
    amount        numeric(12,2) not null check (amount >= 0),
    paid          numeric(12,2) not null default 0,
    status        text not null check (status in ('OPEN', 'PAID', 'WAIVED', 'VOID')),
    base_id       bigint,
    relief_id     bigint,
    justified     varchar(500),  -- F8: why a month unpaid is justified (breaks a run of arrears)
    void_reason   varchar(500),
    created_at    timestamptz not null default now(),
    primary key (member_id, month)
);
create index dues_bill_subtree on dues_bill (org_path, month, status);
create index dues_bill_open on dues_bill (member_id, month) where status = 'OPEN';
alter table dues_bill alter column org_path set statistics 1000;

-- Each generation of a month's bills for a subtree: what the inbox asks ("bills not yet made") and who made them.
create sequence dues_bill_run_seq;
create table dues_bill_run (
    id            bigint primary key default nextval('dues_bill_run_seq'),
    org_id        bigint not null,
    org_path      text collate "C" not null,
    month         date not null,
    bills         int not null,
    amount        numeric(14,2) not null,
    millis        int not null,
    made_by       text not null,
    made_at       timestamptz not null default now()
);
create index dues_bill_run_month on dues_bill_run (month, org_path);

-- The ledger. A PAYMENT (or a voluntary EXTRA, F7) with its allocation to months; a REVERSAL points at the entry it
-- cancels and carries the opposite amount; a REMITTANCE is a branch's 上缴 to its higher committee.
create sequence dues_entry_seq;
create table dues_entry (
    id              bigint primary key default nextval('dues_entry_seq'),
    kind            text not null check (kind in ('PAYMENT', 'EXTRA', 'REVERSAL', 'REMITTANCE')),
    member_id       bigint,
    org_id          bigint not null,
    org_path        text collate "C" not null,
    root_id         bigint not null,
    amount          numeric(12,2) not null,
    method          text check (method in ('CASH', 'TRANSFER', 'ONLINE')),
    receipt_no      varchar(64),
    payer           text check (payer in ('SELF', 'RELATIVE', 'MEMBER')),
    payer_name      varchar(50),
    paid_on         date not null,
    reverses        bigint unique references dues_entry (id),
    reason          varchar(500),
    to_center       boolean not null default false,   -- F7: a single voluntary payment of 1000 元 or more (its
                                                       -- receipt from the 中组部 is noted in a table of its own)
    online_order    bigint,
    to_org_id       bigint,                            -- REMITTANCE: the committee it went to
    period_from     date,                              -- REMITTANCE: the months it covers
    period_to       date,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    check ((kind = 'REVERSAL') = (reverses is not null)),
    check (kind = 'REVERSAL' or amount > 0)
);
create index dues_entry_member on dues_entry (member_id, id);
create index dues_entry_subtree on dues_entry (org_path, paid_on);

create table dues_allocation (
    entry_id    bigint not null references dues_entry (id),
    member_id   bigint not null,
    month       date not null,
    amount      numeric(12,2) not null,
    primary key (entry_id, month)
);
create index dues_allocation_member on dues_allocation (member_id, month);

-- Roll-ups over each organization's whole subtree, per bill month, in 分 or counts, kept in the writing transaction
-- like the member roll-up: writers append deltas, a folder sums them in every second, readers add both. Metrics:
-- DUE (分 billed), PAID (分 allocated to that month), BILLS, BILLS_PAID, EXTRA (分 of voluntary payments by paid
-- month), REMITTED (分 remitted by the organizations of the subtree, by the last month covered).
create table dues_rollup (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       bigint not null,
    primary key (org_id, metric, period)
);
create table dues_rollup_delta (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       bigint not null
);
create index dues_rollup_delta_key on dues_rollup_delta (org_id, metric, period);
alter table dues_rollup_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                                   autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
