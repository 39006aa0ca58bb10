-- 组织生活 (RULES.md §3 B6–B11): meetings planned and recorded by an organization, the members invited to each, and
-- what each invitee answered and did. A meeting carries its organization's path so every list is one index range of
-- the caller's scope; the path is rewritten with the organization's when it moves.
create sequence life_meeting_seq;
create table life_meeting (
    id              bigint primary key default nextval('life_meeting_seq'),
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    root_id         bigint not null,
    title           varchar(100) not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    held_on         date not null,                  -- the day held (local date of starts_at): compliance reads this
    place           varchar(200),
    online_link     varchar(500),
    agenda          varchar(4000),
    speaker_member_id bigint,                       -- 党课: who lectures (B9)
    speaker_name    varchar(50),
    -- PLANNED (scheduled, invitations out) → HELD (recorded, still editable) → CONFIRMED (locked; changes are
    -- amendments); CANCELLED before it was held.
    status          text not null default 'PLANNED' check (status in ('PLANNED', 'HELD', 'CONFIRMED', 'CANCELLED')),
    late            boolean not null default false, -- 补录: recorded after the configured window
    late_reason     varchar(500),
    cancelled_reason varchar(500),
    created_by      text not null,
    created_at      timestamptz not null default now(),
    recorded_at     timestamptz,                    -- when the record (minutes) was first saved
    confirmed_at    timestamptz,
    confirmed_by    text,
    version         int not null default 0,
    updated_at      timestamptz not null default now()
);
create index life_meeting_subtree on life_meeting (org_path, held_on, id);
create index life_meeting_org on life_meeting (org_id, held_on, id);
alter table life_meeting alter column org_path set statistics 1000;

-- One meeting may count for several kinds (a 组织生活会 held as a 党员大会): it counts once for each.
create table life_meeting_kind (
    meeting_id  bigint not null references life_meeting (id) on delete cascade,
    kind        text not null check (kind in ('GENERAL_ASSEMBLY', 'COMMITTEE', 'GROUP', 'LECTURE', 'THEME_DAY',
                                              'LIFE_MEETING', 'APPRAISAL', 'HEART_TALK')),
    primary key (meeting_id, kind)
);

-- Who is invited, computed from the kinds when the meeting is scheduled (and refreshed until it is held), and what
-- each did: the answer (CONFIRMED, or LEAVE asked with its decision), check-in and check-out, and a make-up (补课)
-- recorded apart from attendance.
create table life_invitee (
    meeting_id       bigint not null references life_meeting (id) on delete cascade,
    member_id        bigint not null,               -- no foreign key: a member archived later keeps their record
    member_name      text not null,
    voting           boolean not null,              -- 正式党员 not suspended: counts for the quorum of B6/B7
    response         text check (response in ('CONFIRMED', 'LEAVE')),
    leave_reason     varchar(500),
    leave_status     text check (leave_status in ('REQUESTED', 'APPROVED', 'REFUSED')),
    leave_decided_by text,
    leave_decided_at timestamptz,
    checked_in_at    timestamptz,
    checked_in_by    text,                          -- null: by the member's own scan; else who checked them in by hand
    checked_in_reason varchar(500),
    checked_out_at   timestamptz,
    makeup_on        date,                          -- 补课 for an absent member
    makeup_note      varchar(500),
    makeup_by        text,
    primary key (meeting_id, member_id)
);
create index life_invitee_member on life_invitee (member_id, meeting_id);
