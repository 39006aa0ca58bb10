-- 学习教育, classes and points (RULES.md T2, L1).

-- 培训班: a class held in person by an organization for members of its subtree. Its hours are the sum of its
-- sessions' hours (counting practice: a day 8, half a day 4, an hour 1); `concentrated` marks a 集中培训 (T2).
create sequence learning_class_seq;
create table learning_class (
    id            bigint primary key default nextval('learning_class_seq'),
    org_id        bigint not null references organization (id),
    org_path      text collate "C" not null,
    root_id       bigint not null,
    title         varchar(200) not null,
    place         varchar(200),
    starts_on     date not null,
    ends_on       date not null,
    concentrated  boolean not null default true,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    check (starts_on <= ends_on)
);
create index learning_class_subtree on learning_class (org_path, starts_on);

-- A session of a class: when, and the 学时 it counts. `meeting_id`: the session is held as a meeting of
-- organizational life, whose check-in is read (members do not check in twice).
create sequence class_session_seq;
create table class_session (
    id          bigint primary key default nextval('class_session_seq'),
    class_id    bigint not null references learning_class (id),
    title       varchar(200) not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    hours       numeric(4, 1) not null check (hours > 0 and hours <= 8),
    meeting_id  bigint,
    check (starts_at < ends_at)
);
create index class_session_class on class_session (class_id, starts_at);
create index class_session_day on class_session (starts_at);

-- Who is enrolled, where they belonged then (rewritten on moves), and the class's outcome for them, kept exact on
-- every change of attendance: the hours attended and whether the class is completed (absence at most the share of
-- LearningSettings).
create table class_enrolment (
    class_id        bigint not null references learning_class (id),
    member_id       bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    member_name     text not null,
    org_id          bigint not null,
    org_path        text collate "C" not null,
    attended_hours  numeric(6, 2) not null default 0,
    completed       boolean not null default false,
    enrolled_by     text not null,
    enrolled_at     timestamptz not null default now(),
    primary key (class_id, member_id)
);
create index class_enrolment_member on class_enrolment (member_id);
create index class_enrolment_subtree on class_enrolment (org_path);

-- Check-in and check-out of one enrolled member at one session: by the member's scan (`*_by` null) or by hand by
-- the organizer (who and why). Only a session with both counts.
create table class_attendance (
    session_id          bigint not null references class_session (id),
    member_id           bigint not null,
    class_id            bigint not null,
    checked_in_at       timestamptz,
    checked_in_by       text,
    checked_in_reason   varchar(500),
    checked_out_at      timestamptz,
    checked_out_by      text,
    checked_out_reason  varchar(500),
    primary key (session_id, member_id),
    foreign key (class_id, member_id) references class_enrolment (class_id, member_id),
    check (checked_out_at is null or (checked_in_at is not null and checked_out_at >= checked_in_at))
);

-- 党员积分 (L1): the scheme as data. Per year (null: any year without its own) and organization (null: the platform's
-- default; else for that organization's subtree, the nearest one wins): the maxima of the three categories (基础分
-- deductions only from its maximum, 任务分, 奖励分) and the points per action.
create sequence points_scheme_seq;
create table points_scheme (
    id          bigint primary key default nextval('points_scheme_seq'),
    year        int check (year between 2000 and 2100),
    org_id      bigint references organization (id),
    org_path    text collate "C",
    base_max    int not null check (base_max >= 0),
    task_max    int not null check (task_max >= 0),
    reward_max  int not null check (reward_max >= 0),
    source      varchar(500) not null,
    check ((org_id is null) = (org_path is null))
);
create unique index points_scheme_default on points_scheme (coalesce(year, 0)) where org_id is null;
create unique index points_scheme_org on points_scheme (org_id, coalesce(year, 0)) where org_id is not null;

create table points_rule (
    scheme_id   bigint not null references points_scheme (id),
    action      text not null check (action in ('COURSE_COMPLETED', 'REQUIRED_COURSE', 'EXAM_PASSED', 'DAILY_QUIZ',
                                                 'CLASS_COMPLETED')),
    category    text not null check (category in ('TASK', 'REWARD')),
    points      int not null check (points between 0 and 100),
    day_cap     int check (day_cap > 0),    -- at most this many points a day from this action (daily quiz)
    year_cap    int check (year_cap > 0),   -- at most this many a year
    primary key (scheme_id, action)
);

insert into points_scheme (year, org_id, org_path, base_max, task_max, reward_max, source)
values (null, null, null, 20, 70, 10, 'RULES.md L1：党员积分制每年100分，基础分20（只扣不加）、任务分70、奖励分10（本地做法，可按单位调整）');
insert into points_rule (scheme_id, action, category, points, day_cap, year_cap)
select id, a.action, 'TASK', a.points, a.day_cap, a.year_cap
from points_scheme, (values ('COURSE_COMPLETED', 2, null, null), ('REQUIRED_COURSE', 3, null, null),
                            ('EXAM_PASSED', 5, null, null), ('DAILY_QUIZ', 1, 1, 20),
                            ('CLASS_COMPLETED', 5, null, null)) as a (action, points, day_cap, year_cap)
where org_id is null and year is null;

-- The ledger: every point with its reason, never edited. A correction is a reversing row (source_kind REVERSAL,
-- source_id the reversed entry, `reverses` set). One row per (member, source kind, source id, occurrence): a source
-- granted again after its reversal is the next occurrence. `requested` is what the rule or the secretary asked,
-- `points` what was applied within the category's bounds (基础分 0..max, 任务分 and 奖励分 at most their max).
create sequence points_entry_seq;
create table points_entry (
    id           bigint primary key default nextval('points_entry_seq'),
    member_id    bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    org_id       bigint not null,
    org_path     text collate "C" not null,
    year         int not null check (year between 2000 and 2100),
    category     text not null check (category in ('BASE', 'TASK', 'REWARD')),
    requested    int not null,
    points       int not null,
    reason       varchar(500) not null,
    source_kind  text not null,
    source_id    bigint not null,
    occurrence   int not null default 1,
    reverses     bigint references points_entry (id),
    earned_on    date not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now(),
    unique (member_id, source_kind, source_id, occurrence)
);
create index points_entry_member_year on points_entry (member_id, year, id);
create index points_entry_subtree on points_entry (org_path, year);
create unique index points_entry_reversal on points_entry (reverses) where reverses is not null;
