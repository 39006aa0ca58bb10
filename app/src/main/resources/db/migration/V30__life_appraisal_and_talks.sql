-- 民主评议党员 (RULES.md P1, P2, B11) and 谈心谈话 (B11). An appraisal and a talk carry their branch's path, so every
-- list is one index range of the caller's scope; the path is rewritten with the organization's when it moves.

-- One appraisal per branch and year. Its stages (P1) are rows of life_appraisal_stage, opened and closed in order; the
-- appraisal is complete when the last stage (评定等次, proposed by the 支委会 or 党员大会) is closed. That final meeting
-- is the one that counts for compliance: its day is held_on, and meeting_id the life_meeting that carries the kind
-- APPRAISAL (the meeting linked by the secretary, or one recorded for the purpose).
create sequence life_appraisal_seq;
create table life_appraisal (
    id           bigint primary key default nextval('life_appraisal_seq'),
    org_id       bigint not null references organization (id),
    org_path     text collate "C" not null,
    root_id      bigint not null,
    year         int not null check (year between 2000 and 2100),
    proposed_by  text check (proposed_by in ('COMMITTEE', 'GENERAL_ASSEMBLY')),
    held_on      date check (held_on between date '1900-01-01' and date '2100-12-31'),
    meeting_id   bigint unique references life_meeting (id),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    completed_at timestamptz,
    unique (org_id, year)
);
create index life_appraisal_subtree on life_appraisal (org_path, year, id);
alter table life_appraisal alter column org_path set statistics 1000;

create table life_appraisal_stage (
    appraisal_id bigint not null references life_appraisal (id) on delete cascade,
    stage        text not null check (stage in ('SELF_ASSESSMENT', 'PEER_REVIEW', 'BALLOT', 'GRADING')),
    opened_at    timestamptz not null,
    opened_by    text not null,
    closed_at    timestamptz,
    closed_by    text,
    primary key (appraisal_id, stage)
);
-- at most one stage open at a time (P1: a stage starts only once the one before it is closed)
create unique index life_appraisal_one_open_stage on life_appraisal_stage (appraisal_id) where closed_at is null;

-- Who takes part: the branch's members when the appraisal was opened (its 党小组 included). 正式党员 are graded and make
-- the base of P2; 预备党员 take part (self-assessment, reviews, ballot) but are not graded.
create table life_appraisal_participant (
    appraisal_id     bigint not null references life_appraisal (id) on delete cascade,
    member_id        bigint not null,       -- no foreign key: a member archived later keeps their record
    member_name      text not null,
    full_member      boolean not null,
    sort_order       int not null,
    self_assessment  text check (char_length(self_assessment) <= 10000
                                 and self_assessment !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    self_assessed_at timestamptz,
    grade            text check (grade in ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED')),
    grade_note       text check (char_length(grade_note) <= 1000
                                 and grade_note !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    check (grade is null or full_member),   -- P2: 预备党员 are not graded
    primary key (appraisal_id, member_id)
);
create index life_appraisal_participant_member on life_appraisal_participant (member_id, appraisal_id);

-- 党员互评: what one participant wrote of another (open, signed: the 民主测评 is the anonymous part).
create table life_appraisal_review (
    appraisal_id      bigint not null,
    author_member_id  bigint not null,
    subject_member_id bigint not null,
    text              text not null check (char_length(text) <= 1000
                                           and text !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    written_at        timestamptz not null,
    primary key (appraisal_id, author_member_id, subject_member_id),
    foreign key (appraisal_id, author_member_id) references life_appraisal_participant (appraisal_id, member_id) on delete cascade,
    foreign key (appraisal_id, subject_member_id) references life_appraisal_participant (appraisal_id, member_id) on delete cascade,
    check (author_member_id <> subject_member_id)
);

-- 民主测评, anonymous for real. Two tables that share nothing but the appraisal:
--  * life_appraisal_voter: THAT a participant has voted (so a second ballot is refused) — no time, no ballot id;
--  * life_appraisal_tally: WHAT was voted, as counts only — one row per 正式党员 rated, written when the ballot opens
--    (so its physical order follows the roster, not the voters), and every ballot adds one to exactly one grade of
--    every row (a ballot grades every 正式党员), so every ballot rewrites every row alike. No ballot row exists at all:
--    there is no id, time or insertion order that could be matched with a voter. See AppraisalBallots for the rest.
create table life_appraisal_voter (
    appraisal_id bigint not null,
    member_id    bigint not null,
    primary key (appraisal_id, member_id),
    foreign key (appraisal_id, member_id) references life_appraisal_participant (appraisal_id, member_id) on delete cascade
);

create table life_appraisal_tally (
    appraisal_id bigint not null,
    member_id    bigint not null,           -- the 正式党员 rated, never the voter
    excellent    int not null default 0 check (excellent >= 0),
    qualified    int not null default 0 check (qualified >= 0),
    basic        int not null default 0 check (basic >= 0),
    unqualified  int not null default 0 check (unqualified >= 0),
    primary key (appraisal_id, member_id),
    foreign key (appraisal_id, member_id) references life_appraisal_participant (appraisal_id, member_id) on delete cascade
);

-- 谈心谈话 (B11): two members of a branch talked on a day. The pair is stored in one order (lower member id first), so
-- a talk is one row whichever of the two recorded it. Coverage of the three pairings (委员↔委员, 委员↔党员, 党员↔党员) is
-- computed against the branch's current committee when it is read.
create sequence life_talk_seq;
create table life_talk (
    id                 bigint primary key default nextval('life_talk_seq'),
    org_id             bigint not null references organization (id),
    org_path           text collate "C" not null,
    root_id            bigint not null,
    held_on            date not null check (held_on between date '1900-01-01' and date '2100-12-31'),
    first_member_id    bigint not null,
    first_member_name  text not null,
    second_member_id   bigint not null,
    second_member_name text not null,
    topic              varchar(200) not null check (topic !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    note               text check (char_length(note) <= 1000
                                   and note !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    recorded_by        text not null,
    recorded_by_user   bigint not null,
    created_at         timestamptz not null default now(),
    check (first_member_id < second_member_id)
);
create index life_talk_subtree on life_talk (org_path, held_on, id);
create index life_talk_first on life_talk (first_member_id, held_on);
create index life_talk_second on life_talk (second_member_id, held_on);
alter table life_talk alter column org_path set statistics 1000;
