-- F8 (中组发〔2008〕3号 第十三条): each member's current run of consecutive unpaid months, kept as a fact so that a
-- province's arrears counts and lists never scan its members' bills per request. A run is the months, ending at the
-- member's latest bill up to last month, whose bills are all OPEN and not justified, with no month between them
-- unbilled; a PAID or WAIVED bill, a justified one (dues_bill.justified) or a gap ends it. Only members of the
-- registry with a run of at least one month have a row; org_path is where the member is now (registry_member).
-- Recounted set-based for a subtree when bills are made, per member when the ledger posts or reverses a payment and
-- when a secretary records a justification, inside the writing transaction.
create table dues_arrears (
    member_id   bigint primary key,
    org_id      bigint not null,
    org_path    text collate "C" not null,
    root_id     bigint not null,
    months      int not null check (months > 0),
    since       date not null,    -- the run's first month
    until       date not null,    -- its last month
    counted_at  timestamptz not null default now()
);
-- a subtree's list, longest first (keyset on months desc, member_id desc); and the province's, by length alone
create index dues_arrears_subtree on dues_arrears (org_path, months, member_id);
create index dues_arrears_longest on dues_arrears (months, member_id) include (org_path, org_id);
alter table dues_arrears alter column org_path set statistics 1000;

-- How many members of each subtree have a run of each length (metric RUN_1 … RUN_24, RUN_24 meaning 24 or more), as
-- platform.MonthlyRollup keeps them: writers append deltas, a folder sums them. The fact is a standing, not a month's
-- figure: every row carries the one period 2000-01-01.
create table dues_arrears_rollup (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       bigint not null,
    primary key (org_id, metric, period)
);
create table dues_arrears_rollup_delta (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       bigint not null
);
create index dues_arrears_rollup_delta_key on dues_arrears_rollup_delta (org_id, metric, period);
alter table dues_arrears_rollup_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                                           autovacuum_vacuum_insert_scale_factor = 0,
                                           autovacuum_vacuum_insert_threshold = 5000);
