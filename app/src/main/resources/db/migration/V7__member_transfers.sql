-- 组织关系转接 within the platform (RULES.md R1, R4): the member stays where they are, and in its counts, until the
-- receiving organization accepts; each approval, refusal and acceptance is a step of the transfer's record.
create sequence member_transfer_seq;
create table member_transfer (
    id              bigint primary key default nextval('member_transfer_seq'),
    letter_no       text not null unique,
    member_id       bigint not null,
    member_name     text not null,
    from_org_id     bigint not null references organization (id),
    from_org_path   text collate "C" not null,
    to_org_id       bigint not null references organization (id),
    to_org_path     text collate "C" not null,
    chain           text not null,                 -- the approvals asked for when it started, in order
    next_step       int not null default 0,        -- index in chain of the step awaited
    status          text not null,                 -- IN_PROGRESS, COMPLETED, REFUSED, EXPIRED, CANCELLED
    reason          text not null,
    started_on      date not null,
    valid_until     date not null,
    started_by      text not null,
    finished_at     timestamptz,
    version         int not null default 0
);
-- at most one transfer in progress per member
create unique index member_transfer_open on member_transfer (member_id) where status = 'IN_PROGRESS';
create index member_transfer_from on member_transfer (from_org_path, id);
create index member_transfer_to on member_transfer (to_org_path, id);

create table member_transfer_step (
    transfer_id  bigint not null references member_transfer (id),
    seq          int not null,
    step         text not null,
    decision     text not null,                    -- APPROVED, REFUSED, CANCELLED
    note         text,
    decided_by   text not null,
    decided_at   timestamptz not null default now(),
    primary key (transfer_id, seq)
);
create index member_transfer_due on member_transfer (valid_until) where status = 'IN_PROGRESS';
