-- 学习教育, courses part: series of courses and the media files of DOCUMENT, VIDEO and AUDIO courses.

-- A series (专题): an organization's ordered set of courses, managed like its courses (org_path in the manager's
-- subtree; rewritten on moves).
create sequence course_series_seq;
create table course_series (
    id          bigint primary key default nextval('course_series_seq'),
    org_id      bigint not null references organization (id),
    org_path    text collate "C" not null,
    root_id     bigint not null,
    title       varchar(200) not null,
    summary     varchar(1000),
    created_by  text not null,
    created_at  timestamptz not null default now()
);
create index course_series_subtree on course_series (org_path, id);
alter table course add constraint course_series_fk foreign key (series_id) references course_series (id);

-- A stored media file: its bytes live in the MediaStore (the data directory or an S3 bucket) under store_key, the
-- SHA-256 of the content (so the same upload is stored once); kind is what the content is (platform FileKind), not
-- what its name said; media_seconds the length the server read from the file (MP4/M4A mvhd, WAV header), null when
-- it could not tell (the publisher states the course's length then).
create sequence course_file_seq;
create table course_file (
    id             bigint primary key default nextval('course_file_seq'),
    course_id      bigint not null references course (id),
    store_key      text not null,
    kind           text not null,
    media_type     text not null,
    file_name      varchar(200) not null,
    size_bytes     bigint not null check (size_bytes > 0),
    sha256         char(64) not null,
    media_seconds  int check (media_seconds > 0),
    created_by     text not null,
    created_at     timestamptz not null default now()
);
create index course_file_course on course_file (course_id);
alter table course add constraint course_file_fk foreign key (file_id) references course_file (id);
-- the manager's list: a subtree's courses by status, newest first
create index course_managed on course (org_path, id);
