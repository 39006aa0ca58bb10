-- 学习教育, study part (RULES.md §7 T1, issue 15 "Study hours the server can vouch for"): a member's study session on
-- one course and the seconds credited per member and day. Time is credited by the server's clock only, beat by beat,
-- into course_progress (V40); these tables hold what the rules need to decide each beat.

-- A study session: one device studying one course. At most one is active per member (a new one ends the others as
-- TAKEN_OVER). Each beat must carry the current one-time token, stored only as its SM3 hash and replaced on every
-- accepted beat, so a replayed or forged beat matches nothing. last_beat_at is the server's time of the last beat
-- that moved the clock (an early beat does not move it; a hidden page's beat moves it and credits nothing).
-- org_path is the member's at the start (for the audit and scope of the row; sessions are short-lived).
create sequence study_session_seq;
create table study_session (
    id                bigint primary key default nextval('study_session_seq'),
    member_id         bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    course_id         bigint not null references course (id),
    org_id            bigint not null,
    org_path          text collate "C" not null,
    device            varchar(100) not null,
    token_hash        char(64) not null,
    started_at        timestamptz not null,
    last_beat_at      timestamptz not null,
    beats             int not null default 0,
    credited_seconds  int not null default 0 check (credited_seconds >= 0),
    ended_at          timestamptz,
    end_reason        text check (end_reason in ('TAKEN_OVER', 'FINISHED', 'EXPIRED')),
    check ((ended_at is null) = (end_reason is null))
);
-- One active session per member: the start of another ends it in the same transaction.
create unique index study_session_active on study_session (member_id) where ended_at is null;
create index study_session_member on study_session (member_id, started_at desc);
-- Beats rewrite the session row hundreds of times an hour: leave room for HOT updates (no indexed column changes).
alter table study_session set (fillfactor = 70);

-- Online study credited to a member on a day (server-local day, Asia/Shanghai), for the daily cap
-- (zhibu.learning.daily-cap-hours) across all courses.
create table study_day (
    member_id         bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    day               date not null,
    credited_seconds  int not null check (credited_seconds >= 0),
    primary key (member_id, day)
);
alter table study_day set (fillfactor = 70);
