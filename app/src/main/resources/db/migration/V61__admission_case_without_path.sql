-- 发展党员 cases name their branch (org_id) and no longer copy its path: a subtree's cases are found through the
-- organizations of the subtree (organization_path, then these org_id-led indexes), as 党费 and 学习 since V51/V52.
-- Why: a move rewrote every case of the moved subtree, and each rewritten row was a new entry in all six indexes, most
-- of them in random places (by 身份证号 hash, by date): at 5 M members a committee's 300 cases cost 850 index and
-- table pages read and 94–175 ms with cold caches, the second-largest part of the move after the members. Now a move
-- within the province touches no case.
-- A small subtree's pipeline page: its organizations' cases with the date they are ordered by, without the table.
create index admission_case_org on admission_case (org_id, stage, id) include (next_date);
-- A large subtree's page of one stage: that stage's cases walked in date order (a rare stage's are few).
create index admission_case_stage on admission_case (stage, next_date, id);
-- A small subtree's (or scope's) due cases for the inbox, without the table.
create index admission_case_org_due on admission_case (org_id, next_due) include (id)
    where stage not in ('CLOSED', 'FULL');
drop index if exists admission_case_pre_review;
create index admission_case_pre_review on admission_case (org_id, id)
    where next_step = 13 and stage not in ('CLOSED', 'FULL');
drop index if exists admission_case_due;
create index admission_case_due on admission_case (next_due, id, org_id) where stage not in ('CLOSED', 'FULL');
drop index if exists admission_case_subtree;
drop index if exists admission_case_subtree_due;
-- the recount (V15) reads the path from the case's organization
drop view admission_rollup_recount;
alter table admission_case drop column org_path;
create view admission_rollup_recount as
select a.org_id, m.metric, count(*)::int as n
from admission_case c
join organization o on o.id = c.org_id
cross join lateral (values ('STAGE:' || c.stage),
                           ('ADMITTED:' || extract(year from c.approved_on)::int),
                           ('CONVERTED:' || extract(year from c.converted_on)::int)) as m(metric)
cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')::bigint[]) as a(org_id)
where m.metric is not null
group by a.org_id, m.metric;
