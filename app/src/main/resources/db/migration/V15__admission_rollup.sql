-- 发展党员 figures (S1) per organization for its whole subtree, kept in the same transaction as each case change,
-- so a dashboard reads one organization's rows instead of counting cases over a province.
-- metric: 'STAGE:<stage>', 'ADMITTED:<year>' (approved as 预备党员), 'CONVERTED:<year>' (转正).
create table admission_rollup (
    org_id  bigint not null references organization (id),
    metric  text not null,
    n       int not null,
    primary key (org_id, metric)
);

-- The same figures counted from the cases, for filling the roll-up in bulk (here, and by the data generator) and
-- for checking it: each case counts at every organization on its branch's path.
create view admission_rollup_recount as
select a.org_id, m.metric, count(*)::int as n
from admission_case c
cross join lateral (values ('STAGE:' || c.stage),
                           ('ADMITTED:' || extract(year from c.approved_on)::int),
                           ('CONVERTED:' || extract(year from c.converted_on)::int)) as m(metric)
cross join lateral unnest(string_to_array(trim(both '/' from c.org_path), '/')::bigint[]) as a(org_id)
where m.metric is not null
group by a.org_id, m.metric;

insert into admission_rollup (org_id, metric, n) select org_id, metric, n from admission_rollup_recount;
