-- 会议记录 of a meeting (RULES.md B6–B11): the minutes (rich text, stored as sanitised HTML), who chaired and who took
-- the minutes, the resolutions (决议), and the files and photos kept with it. A record is saved when the meeting is
-- held (life_meeting PLANNED → HELD), confirmed by the secretary (→ CONFIRMED, locked), and changed after that only by
-- amendments (更正) that keep, field by field, what each change replaced and why, so the original stays visible.
-- Attendance is the roll itself (life_invitee.checked_in_*): the record marks those present who did not scan.
create table life_record (
    meeting_id    bigint primary key references life_meeting (id) on delete cascade,
    minutes       text not null,             -- sanitised HTML (MinutesHtml); the application caps the input at 10,000
    chair         varchar(100) not null,     -- 主持人
    minutes_taker varchar(100) not null,     -- 记录人
    saved_by      text not null,
    saved_at      timestamptz not null default now(),
    constraint life_record_minutes_text check (char_length(minutes) <= 40000),
    constraint life_record_chair_text check (chair !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    constraint life_record_minutes_taker_text check (minutes_taker !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]')
);

-- 决议, in the order the meeting took them.
create table life_resolution (
    meeting_id  bigint not null references life_record (meeting_id) on delete cascade,
    position    int not null check (position >= 1),
    text        varchar(1000) not null
        check (text !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    primary key (meeting_id, position)
);

-- Files and photos of the record (sign-in sheets, slides, photos of the meeting): small files, in the database like
-- admission_document (V14), so the meeting's scope guards them and backups keep them together. The content decides
-- the kind (platform.FileContent), never the name.
create sequence life_record_file_seq;
create table life_record_file (
    id            bigint primary key default nextval('life_record_file_seq'),
    meeting_id    bigint not null references life_meeting (id) on delete cascade,
    name          varchar(200) not null
        check (name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    content_type  text not null,
    size_bytes    int not null,
    sm3           bytea not null,
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null default now()
);
create index life_record_file_meeting on life_record_file (meeting_id, id);

-- 更正 of a confirmed record: the record rows hold the corrected values; each amendment keeps what it replaced.
create sequence life_record_amendment_seq;
create table life_record_amendment (
    id          bigint primary key default nextval('life_record_amendment_seq'),
    meeting_id  bigint not null references life_meeting (id) on delete cascade,
    reason      varchar(1000) not null
        check (reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    amended_by  text not null,
    amended_at  timestamptz not null default now()
);
create index life_record_amendment_meeting on life_record_amendment (meeting_id, id);

-- One field of an amendment: what the record said until then (the original, for the first change of the field) and
-- what it says since.
create table life_record_change (
    amendment_id  bigint not null references life_record_amendment (id) on delete cascade,
    position      int not null,
    field         text not null,
    label         text not null,
    before_value  text,
    after_value   text,
    primary key (amendment_id, position)
);

-- Records held but not yet confirmed, for the secretary's inbox: few rows at any time, one range of the subtree.
create index life_meeting_unconfirmed on life_meeting (org_path, held_on) where status = 'HELD';
