-- 发展党员 (RULES.md §1): one case per person from the 入党申请书 to 材料归档. The case carries its branch's path so
-- every list is one index range of the caller's scope; the stage is derived from the steps and stored for the
-- pipeline's counts and filters.
create sequence admission_case_seq;
create table admission_case (
    id              bigint primary key default nextval('admission_case_seq'),
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    root_id         bigint not null,
    name            text not null,
    gender          text not null,
    birth_date      date not null,
    id_number_enc   bytea not null,
    id_number_hash  bytea not null,
    phone_enc       bytea,
    ethnicity       text not null,
    education       text not null,
    occupation      text not null,
    work_unit       text,
    stage           text not null,
    applied_on      date not null,
    next_step       int,              -- what the pipeline shows next, with its date
    next_date       date,
    next_earliest   boolean not null default false,  -- next_date is the earliest day allowed, not a deadline
    next_due        date,             -- the nearest deadline of any kind (reminders)
    member_id       bigint,
    approved_on     date,             -- 上级党委审批 (step 17): admitted in a year, for S1
    converted_on    date,             -- 转正 approved (step 24), for S1
    closed_reason   text,
    closed_on       date,
    version         int not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
-- one open case per person
create unique index admission_case_person on admission_case (id_number_hash) where stage not in ('CLOSED', 'FULL');
create index admission_case_subtree on admission_case (org_path, stage, id);
-- the pipeline lists the most urgent first: over a large subtree this order is read from the index, not sorted
create index admission_case_pipeline on admission_case (next_date, id);
create index admission_case_due on admission_case (next_due) where stage not in ('CLOSED', 'FULL');
alter table admission_case alter column org_path set statistics 1000;

create sequence admission_step_seq;
create table admission_step (
    id           bigint primary key default nextval('admission_step_seq'),
    case_id      bigint not null references admission_case (id),
    step         int not null check (step between 1 and 25),
    done_on      date not null,
    form_json    text not null,
    rule_set     text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
create index admission_step_case on admission_step (case_id, id);
