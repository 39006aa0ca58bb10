-- Working days follow the official holiday calendar (RULES.md, "Working days"). Only the exceptions are stored:
-- statutory holidays (HOLIDAY, on weekdays and on the weekends inside a holiday span) and adjusted working weekends
-- (WORKDAY, 调休上班). Every other Monday to Friday is a working day; Saturday and Sunday are not.
create table calendar_day (
    day   date primary key,
    kind  text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  text,
    check (kind <> 'HOLIDAY' or name is not null),
    -- a working weekday needs no entry: only a Saturday or Sunday can be an adjusted working day
    check (kind <> 'WORKDAY' or extract(isodow from day) in (6, 7))
);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）
insert into calendar_day (day, kind, name) values ('2025-01-01', 'HOLIDAY', '元旦');
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '春节' from generate_series(date '2025-01-28', date '2025-02-04', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '清明节' from generate_series(date '2025-04-04', date '2025-04-06', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '劳动节' from generate_series(date '2025-05-01', date '2025-05-05', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '端午节' from generate_series(date '2025-05-31', date '2025-06-02', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '国庆节、中秋节' from generate_series(date '2025-10-01', date '2025-10-08', interval '1 day') d;
insert into calendar_day (day, kind, name) values
    ('2025-01-26', 'WORKDAY', '春节调休上班'),
    ('2025-02-08', 'WORKDAY', '春节调休上班'),
    ('2025-04-27', 'WORKDAY', '劳动节调休上班'),
    ('2025-09-28', 'WORKDAY', '国庆节、中秋节调休上班'),
    ('2025-10-11', 'WORKDAY', '国庆节、中秋节调休上班');

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社发布）
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '元旦' from generate_series(date '2026-01-01', date '2026-01-03', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '春节' from generate_series(date '2026-02-15', date '2026-02-23', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '清明节' from generate_series(date '2026-04-04', date '2026-04-06', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '劳动节' from generate_series(date '2026-05-01', date '2026-05-05', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '端午节' from generate_series(date '2026-06-19', date '2026-06-21', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '中秋节' from generate_series(date '2026-09-25', date '2026-09-27', interval '1 day') d;
insert into calendar_day (day, kind, name)
    select d::date, 'HOLIDAY', '国庆节' from generate_series(date '2026-10-01', date '2026-10-07', interval '1 day') d;
insert into calendar_day (day, kind, name) values
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');

-- 公示: a notice published by an organization for a number of working days, open to comments in that window.
-- Rows carry the organization's path ("C" collation, like member.org_path) so that a scope is one range per subtree,
-- and root_id, the distribution column when sharded by province.
create sequence publicity_seq;
create table publicity (
    id              bigint primary key default nextval('publicity_seq'),
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    root_id         bigint not null,
    title           text not null,
    body            text not null,
    starts_on       date not null,
    ends_on         date not null,
    working_days    int not null check (working_days between 1 and 30),
    subject_type    text,
    subject_id      bigint,
    comment_count   int not null default 0,
    published_by    text not null,
    published_at    timestamptz not null default now(),
    withdrawn_at    timestamptz,
    withdrawn_by    text,
    withdraw_reason text,
    check (ends_on >= starts_on),
    check ((subject_type is null) = (subject_id is null))
);
-- lists of a subtree (managers) and of an organization and its ancestors (members), newest first
create index publicity_subtree on publicity (org_path, starts_on desc, id desc);
create index publicity_org on publicity (org_id, starts_on desc, id desc);
create index publicity_subject on publicity (subject_type, subject_id) where subject_type is not null;
alter table publicity alter column org_path set statistics 1000;

-- Opinions on a 公示. author_key is a keyed hash of (publicity, user), so each person finds their own comments,
-- anonymous ones included, without the row naming an anonymous author.
create sequence publicity_comment_seq;
create table publicity_comment (
    id              bigint primary key default nextval('publicity_comment_seq'),
    publicity_id    bigint not null references publicity (id),
    text            text not null,
    anonymous       boolean not null,
    author_key      bytea not null,
    author_user_id  bigint,
    author_name     text,
    created_at      timestamptz not null default now(),
    check (anonymous = (author_user_id is null)),
    check (anonymous = (author_name is null))
);
create index publicity_comment_by_publicity on publicity_comment (publicity_id, id);
