-- 组织生活 compliance (RULES.md B6–B11): what each organization must hold in each month, quarter and year, what it held,
-- the exemptions its higher committee granted, and roll-ups so that a province's heat map reads a few thousand rows.
-- Rules (the Java policy, cn.zhibu.life.compliance, is the reference; the views below restate it for bulk loads and
-- checks): a period is due when the organization existed on its last day and for at least 15 days of it; compliance
-- is tracked from January 2020; 支委会 (B7) are due only in branches whose current committee has at least 3 members.

-- What the roll-up currently counts each organization as (its profile): its class of requirements (BRANCH: 党支部,
-- 联合/临时党支部; GROUP: 党小组; PARTY: 地方党委, 党工委, 基层党委; NONE: 党总支) and the months they are due in.
create table life_compliance_org (
    org_id          bigint primary key references organization (id),
    org_path        text collate "C" not null,
    class           text not null check (class in ('BRANCH', 'GROUP', 'PARTY', 'NONE')),
    due_from        date not null,  -- first month due (its first day)
    due_until       date,           -- first month no longer due (dissolved that month); null while it exists
    committee_from  date            -- branches with a 支委会 (B7): first month its meeting is due; null: none
);
create index life_compliance_org_subtree on life_compliance_org (org_path, class);
alter table life_compliance_org alter column org_path set statistics 1000;

-- What each organization held, per month and kind (a meeting counts once for each of its kinds), by the day held:
-- meetings that count (held and recorded), their invitees and attendance, and how many were recorded late (补录).
create table life_compliance_held (
    org_id      bigint not null references organization (id),
    month       date not null,
    kind        text not null,
    meetings    int not null,
    invited     int not null,
    attended    int not null,
    late        int not null,
    primary key (org_id, month, kind)
);

-- Each organization's own standing, one row per fact that holds: 'MET:<requirement>' / 'EXEMPT:<requirement>' for
-- the period starting on `period`, and per month 'OK' (every requirement due that month held or exempted) and, in the
-- last month of a quarter, 'OK_NL' (the same without the local quarterly 党课, for zhibu.life.compliance.lecture-quarterly=false).
create table life_compliance_own (
    org_id  bigint not null references organization (id),
    metric  text not null,
    period  date not null,
    primary key (org_id, metric, period)
);

-- The same for every ancestor, over its whole subtree: own rows counted, plus 'REQ:<BRANCH|COMMITTEE|GROUP|PARTY>'
-- rows +1 in the first month an organization must hold that class's meetings and −1 in the first month it no longer
-- must, so that the organizations due in a month are the sum up to that month. Writers append to the delta table
-- (no lock on the province root's rows); ComplianceRollupFolder sums it into the main table every second, and
-- readers add both.
create table life_compliance_rollup (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       int not null,
    primary key (org_id, metric, period)
);
create table life_compliance_rollup_delta (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       int not null
);
create index life_compliance_rollup_delta_key on life_compliance_rollup_delta (org_id, metric, period);
alter table life_compliance_rollup_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                                              autovacuum_vacuum_insert_scale_factor = 0,
                                              autovacuum_vacuum_insert_threshold = 5000);

-- A higher committee's exemption of an organization from one kind (or every kind, kind null) for a month, quarter or
-- year, with its reason: requirements whose period lies within it count as exempted.
create sequence life_compliance_exemption_seq;
create table life_compliance_exemption (
    id              bigint primary key default nextval('life_compliance_exemption_seq'),
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    kind            text check (kind in ('GENERAL_ASSEMBLY', 'COMMITTEE', 'GROUP', 'LECTURE', 'THEME_DAY',
                                         'LIFE_MEETING', 'APPRAISAL')),
    period_type     text not null check (period_type in ('MONTH', 'QUARTER', 'YEAR')),
    period_start    date not null,
    reason          varchar(500) not null,
    created_by      text not null,
    created_at      timestamptz not null default now()
);
create index life_compliance_exemption_org on life_compliance_exemption (org_id, period_start);
create index life_compliance_exemption_subtree on life_compliance_exemption (org_path, period_start);

-- The profile of every organization from the organization tables, as OrgProfile computes it: for filling
-- life_compliance_org in bulk (below, and by the generator) and for checking it.
create view life_compliance_org_recount as
with seats as (
    select t.org_id, count(*) as seats from committee_seat s join committee_term t on t.id = s.term_id and t.current
    group by t.org_id),
terms as (select org_id, min(term_start) as first_term from committee_term group by org_id),
facts as (
    select o.id, o.path, o.type, o.dissolved_on, coalesce(s.seats, 0) as seats, t.first_term,
           greatest(date '2020-01-01',
                    date_trunc('month', coalesce(o.established_on, date '2020-01-01') + 14)::date) as due_from
    from organization o
    left join seats s on s.org_id = o.id
    left join terms t on t.org_id = o.id)
select f.id as org_id, f.path as org_path,
       case when f.type in ('BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH') then 'BRANCH'
            when f.type = 'GROUP' then 'GROUP'
            when f.type in ('LOCAL_COMMITTEE', 'WORKING_COMMITTEE', 'BASE_COMMITTEE') then 'PARTY'
            else 'NONE' end as class,
       f.due_from,
       date_trunc('month', f.dissolved_on)::date as due_until,
       case when f.type in ('BRANCH', 'JOINT_BRANCH', 'TEMPORARY_BRANCH') and f.seats >= 3 and f.first_term is not null
            then greatest(f.due_from, date_trunc('month', f.first_term + 14)::date) end as committee_from
from facts f;

-- An organization's first committee term, read on each change of the organization (when 支委会 became due, B7).
create index if not exists committee_term_org_start on committee_term (org_id, term_start);

-- The roll-up counted afresh from the profiles and the own rows: each counts at every organization on its path.
create view life_compliance_rollup_recount as
with series as (
    select org_id, 'REQ:' || class as metric, due_from as period, 1 as n from life_compliance_org
    where class <> 'NONE' and (due_until is null or due_until > due_from)
    union all
    select org_id, 'REQ:' || class, due_until, -1 from life_compliance_org
    where class <> 'NONE' and due_until > due_from
    union all
    select org_id, 'REQ:COMMITTEE', committee_from, 1 from life_compliance_org
    where committee_from is not null and (due_until is null or due_until > committee_from)
    union all
    select org_id, 'REQ:COMMITTEE', due_until, -1 from life_compliance_org
    where committee_from is not null and due_until > committee_from),
counted as (
    select org_id, metric, period, n from series
    union all
    select org_id, metric, period, 1 from life_compliance_own)
select a.org_id, c.metric, c.period, sum(c.n)::int as n
from counted c
join life_compliance_org p on p.org_id = c.org_id
cross join lateral unnest(string_to_array(trim(both '/' from p.org_path), '/')::bigint[]) as a(org_id)
group by a.org_id, c.metric, c.period
having sum(c.n) <> 0;

-- Organizations that exist now: their profiles and what the roll-up counts of them (no meetings are recorded yet).
insert into life_compliance_org (org_id, org_path, class, due_from, due_until, committee_from)
select org_id, org_path, class, due_from, due_until, committee_from from life_compliance_org_recount;
insert into life_compliance_rollup (org_id, metric, period, n)
select org_id, metric, period, n from life_compliance_rollup_recount;
