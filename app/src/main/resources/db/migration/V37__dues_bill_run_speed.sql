-- A province's bill run (5 M bills in one statement) pays for every index of dues_bill: the partial index of open
-- bills repeated what the primary key (member_id, month) already finds, so it goes. VOID bills (rare) get a small
-- index of their own: the run checks for them first and takes the slower ON CONFLICT path only when one exists.
drop index if exists dues_bill_open;
create index dues_bill_void on dues_bill (month) where status = 'VOID';

-- Subtrees whose F8 fact (dues_arrears) must be recounted after a large bill run, worked off in slices of member
-- ids (ArrearsBacklog): next_id is where the next slice starts, last_id the largest member id to reach.
create table dues_arrears_pending (
    org_path      text collate "C" primary key,
    next_id       bigint not null,
    last_id       bigint not null,
    requested_at  timestamptz not null default now()
);
