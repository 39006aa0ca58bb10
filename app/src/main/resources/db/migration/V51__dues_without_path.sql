-- Issue 16 (the move of a subtree): bills, bases, arrears and ledger entries no longer copy their organization's path.
-- The copy had to be rewritten whenever any organization above moved (a 5,000-member committee: 10 k bills, 5 k
-- bases, 5 k arrears rows, 0.3 s of its move), and these tables grow every month. They keep org_id, which a move
-- above it never changes, and find a subtree's rows by the organizations of the subtree (SubtreeRewrite.orgIdIn), by
-- indexes that start with org_id. root_id stays and changes only when a subtree moves to another root (reroot).
-- Dropping a column changes only the catalog (instant at any size) and drops the indexes on it; the new indexes are
-- built first. On the 5 M database expect about a minute in all: dues_bill's index over 10.6 M rows and the two of
-- dues_arrears over 5.3 M (tens of seconds each); dues_entry is small.

-- A subtree's bills of a month (lists, counts, the F8 recount's open bills), by organization.
create index dues_bill_org on dues_bill (org_id, month, status);
drop index dues_bill_subtree;
alter table dues_bill drop column org_path;

-- Nothing reads bases by subtree (they are read by member; the bill run joins them by member): no index replaces
-- dues_base_subtree.
drop index dues_base_subtree;
alter table dues_base drop column org_path;

-- A subtree's list longest first (keyset on months desc, member_id desc) for a branch or a county; a province's (or
-- a city's) by length alone, the organization read from the index to test it against the subtree.
create index dues_arrears_org on dues_arrears (org_id, months, member_id);
drop index dues_arrears_subtree;
drop index dues_arrears_longest;
alter table dues_arrears drop column org_path;
create index dues_arrears_longest on dues_arrears (months, member_id) include (org_id);

-- A subtree's payments of a month and its remittances.
create index dues_entry_org on dues_entry (org_id, paid_on);
drop index dues_entry_subtree;
alter table dues_entry drop column org_path;

-- The ledger stays append-only: a move to another root may rewrite an entry's root_id, nothing else (org_id never
-- changes: the organization it names keeps its id when it moves).
create or replace function dues_ledger_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_table_name = 'dues_entry'
            and (to_jsonb(new) - 'root_id') = (to_jsonb(old) - 'root_id') then
        return new;
    end if;
    raise exception '党费账目不可修改或删除（%：%），更正须记冲正分录', tg_table_name, tg_op
        using errcode = 'P0001';
end
$$;
