-- 学习教育 (RULES.md §7 T1–T2, §8 L1): the tables several parts of cn.zhibu.learning share. Each part adds its own
-- tables in its own migration (files and series, study sessions, classes, question banks and exams, points,
-- transcripts). The comments below are the contract between those parts.

-- A course: an article, a PDF document, a video or an audio, published by an organization to its subtree (SUBTREE:
-- every member whose org_path starts with org_path) or to everyone on the platform (EVERYONE; only from a root).
-- `hours` (学时) is what completing it earns; `credit_seconds` is the study time the server must vouch for to
-- complete it: hours × 3600, and for video and audio at most the media's length (a video's credit is at most its
-- length, so a course's hours never exceed its length rounded up to 0.1 学时 — refused when set).
-- The study year of a completion is the year of the day it completed.
create sequence course_seq;
create table course (
    id              bigint primary key default nextval('course_seq'),
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    root_id         bigint not null,
    series_id       bigint,                      -- course_series of the courses part (a foreign key added there)
    series_order    int not null default 0,
    title           varchar(200) not null,
    summary         varchar(1000),
    kind            text not null check (kind in ('ARTICLE', 'DOCUMENT', 'VIDEO', 'AUDIO')),
    body_html       text,                        -- ARTICLE: sanitised HTML
    file_id         bigint,                      -- DOCUMENT, VIDEO, AUDIO: the stored file (courses part)
    media_seconds   int check (media_seconds > 0),
    hours           numeric(5, 1) not null check (hours > 0 and hours <= 100),
    credit_seconds  int not null check (credit_seconds > 0),
    required        boolean not null default false,
    due_on          date,
    audience        text not null default 'SUBTREE' check (audience in ('SUBTREE', 'EVERYONE')),
    status          text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    published_at    timestamptz,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    version         int not null default 0,
    check (kind = 'ARTICLE' or file_id is not null or status = 'DRAFT'),
    check (kind not in ('VIDEO', 'AUDIO') or media_seconds is null or credit_seconds <= media_seconds)
);
-- A member's courses: published to one of the member's ancestors (the path's prefixes) or to everyone.
create index course_audience on course (org_path, status, due_on);
create index course_everyone on course (status, due_on) where audience = 'EVERYONE';

-- A member's progress on a course: the study time the server credited (never more than the course's
-- credit_seconds), where playback was (to resume), and when it completed. org_path is the member's at the first
-- study (rewritten on moves), so a branch's progress is one range.
create table course_progress (
    member_id         bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    course_id         bigint not null references course (id),
    org_id            bigint not null,
    org_path          text collate "C" not null,
    credited_seconds  int not null default 0 check (credited_seconds >= 0),
    position_seconds  int not null default 0 check (position_seconds >= 0),
    started_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    completed_at      timestamptz,
    primary key (member_id, course_id)
);
create index course_progress_course on course_progress (course_id, org_path) where completed_at is not null;
create index course_progress_subtree on course_progress (org_path, course_id);

-- 学时 credited to a member, one row per (member, source, source id) — replaced, never added twice, when its source
-- changes (a corrected check-out, a class's attendance edited): COURSE (an online course completed: its hours),
-- CLASS (培训班: completed → its hours, concentrated; not completed → the hours attended, not concentrated),
-- LECTURE (党课 attended with check-in and check-out), MEETING (other organizational life attended with check-out),
-- EXTERNAL (recorded by the secretary from a certificate, with a note). `year` is the study year (of `credited_on`).
-- Written only through cn.zhibu.learning.StudyHours, which keeps study_year and study_rollup in the same transaction.
create sequence study_credit_seq;
create table study_credit (
    id            bigint primary key default nextval('study_credit_seq'),
    member_id     bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    org_id        bigint not null,
    org_path      text collate "C" not null,
    year          int not null check (year between 2000 and 2100),
    source        text not null check (source in ('COURSE', 'CLASS', 'LECTURE', 'MEETING', 'EXTERNAL')),
    source_id     bigint not null,
    label         varchar(200) not null,
    hours         numeric(6, 2) not null check (hours >= 0),
    concentrated  boolean not null default false,
    credited_on   date not null,
    created_at    timestamptz not null default now(),
    unique (member_id, source, source_id)
);
create index study_credit_member_year on study_credit (member_id, year);

-- A member's study year: the sum of study_credit, the target that applies (T1/T2 by the role rule), how many
-- concentrated trainings, and whether the target is met (hours ≥ target and, when the target asks for one, at
-- least that many concentrated trainings). Members without a row studied nothing that year.
create table study_year (
    member_id       bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    year            int not null,
    org_id          bigint not null,
    org_path        text collate "C" not null,
    hours           numeric(7, 2) not null default 0,
    target_hours    numeric(5, 1) not null,
    concentrated    int not null default 0,
    concentrated_needed int not null default 0,
    met             boolean not null default false,
    updated_at      timestamptz not null default now(),
    primary key (member_id, year)
);
create index study_year_subtree on study_year (org_path, year, met);
alter table study_year alter column org_path set statistics 1000;

-- Roll-up per organization over its subtree (platform MonthlyRollup, period = 1 January of the study year):
-- HOURS_CENTI (学时 × 100 credited), MEMBERS_STUDIED (members with a study_year row, hours > 0), MEMBERS_MET,
-- COURSE_DONE:<course id> (members who completed that course in the year, counted at their org path).
create table study_rollup (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       bigint not null,
    primary key (org_id, metric, period)
);
create table study_rollup_delta (
    org_id  bigint not null,
    metric  text not null,
    period  date not null,
    n       bigint not null
);
create index study_rollup_delta_key on study_rollup_delta (org_id, metric, period);
alter table study_rollup_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);

-- Annual targets (T1, T2) as data, versioned by plan period: for each plan period and role, the 学时 and the
-- concentrated trainings a year. A year is judged by the plan period containing its 1 January.
create table study_target (
    plan_code     text not null,
    valid_from    date not null,
    valid_to      date not null,
    role          text not null check (role in ('MEMBER', 'LEADER')),
    hours         numeric(5, 1) not null check (hours >= 0),
    concentrated  int not null default 0 check (concentrated >= 0),
    rule_id       text not null,
    source        varchar(500) not null,
    primary key (plan_code, role),
    check (valid_from < valid_to)
);
insert into study_target values
    ('2019-2023', '2019-01-01', '2023-12-31', 'MEMBER', 32, 0, 'T1',
     '《中国共产党党员教育管理工作条例》（2019）第二十条：党员每年集中学习培训时间一般不少于32学时'),
    ('2019-2023', '2019-01-01', '2023-12-31', 'LEADER', 56, 1, 'T2',
     '《2019—2023年全国党员教育培训工作规划》：基层党组织书记和班子成员每年集中学习培训不少于56学时，至少参加1次集中培训'),
    ('2024-2028', '2024-01-01', '2028-12-31', 'MEMBER', 32, 0, 'T1',
     '《中国共产党党员教育管理工作条例》（2019）第二十条；2024—2028年规划沿用（RULES.md T1）'),
    ('2024-2028', '2024-01-01', '2028-12-31', 'LEADER', 56, 1, 'T2',
     '沿用2019—2023年规划的标准：基层党组织书记和班子成员每年不少于56学时，至少参加1次集中培训（RULES.md T2 [S]）');
