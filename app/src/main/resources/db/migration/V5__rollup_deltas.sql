-- Member changes append their roll-up changes here instead of updating member_rollup in place: every change also
-- touches the province root's rows, so in-place updates made all writers queue on the same few row locks (measured:
-- 16 writers, 184 changes/s, most sessions waiting on a row lock). Appends never conflict; MemberRollupFolder sums
-- them into member_rollup every second, in one statement, so a reader sees each change exactly once.
create table member_rollup_delta (
    org_id  bigint not null,
    dim     text not null,
    val     text not null,
    status  text not null,
    n       int not null
);
create index member_rollup_delta_org on member_rollup_delta (org_id, dim);
alter table member_rollup_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                                     autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);

-- The folded counts plus the changes not folded yet, for checks and ad-hoc queries (the app's hot reads take the two
-- tables directly, which costs half as much). Filters on org_id and dim reach both
-- tables' indexes (they are grouping columns, so the planner pushes them below the union).
create view member_rollup_now as
select org_id, dim, val, status, sum(n)::int as n
from (select org_id, dim, val, status, n from member_rollup
      union all
      select org_id, dim, val, status, n from member_rollup_delta) r
group by org_id, dim, val, status;
