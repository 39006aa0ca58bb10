-- 学时, targets and transcripts (RULES.md §7 T1–T2), the hours part of cn.zhibu.learning.

-- Who held a seat on which committee, and when (RULES.md T2 asks for the months a member sat on a committee, the
-- organization module keeps only the current seats). One row per seat: held_from the day it was added, held_to the
-- day it was removed or its term replaced (exclusive; null while held). Written by OrganizationService
-- (addSeat, removeSeat, startTerm). Seats existing when this ran are counted from that day: nothing older is known.
create table committee_seat_held (
    seat_id    bigint primary key,
    member_id  bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    org_id     bigint not null references organization (id),
    position   text not null,
    held_from  date not null,
    held_to    date,
    check (held_to is null or held_to >= held_from)
);
create index committee_seat_held_member on committee_seat_held (member_id, held_from);
insert into committee_seat_held (seat_id, member_id, org_id, position, held_from)
select s.id, s.member_id, s.org_id, s.position, current_date
from committee_seat s join committee_term t on t.id = s.term_id and t.current
where s.member_id is not null;

-- A training outside the platform recorded by a secretary of the member's subtree (EXTERNAL 学时), from a
-- certificate (optional) with a note; credited through StudyHours with source id = this row's id.
create sequence study_external_seq;
create table study_external (
    id            bigint primary key default nextval('study_external_seq'),
    member_id     bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    org_id        bigint not null,
    org_path      text collate "C" not null,
    title         varchar(200) not null,
    trained_on    date not null,
    hours         numeric(5, 1) not null check (hours > 0 and hours <= 200),
    place         varchar(200) not null,
    concentrated  boolean not null default false,
    certificate_no varchar(100),
    note          varchar(1000),
    recorded_by   text not null,
    created_at    timestamptz not null default now()
);
create index study_external_subtree on study_external (org_path, trained_on);
create index study_external_member on study_external (member_id, trained_on);

-- An issued annual transcript: what it printed (content, one canonical text) and that text's SM3 hash, both in its
-- QR link (/verify/transcripts/{code}?h=hash). code is random (not derivable from member or year), so transcripts
-- cannot be enumerated; a check says genuine (code known, hash equal), altered (code known, hash not) or unknown.
create table study_transcript (
    code          text primary key,
    member_id     bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    year          int not null,
    org_path      text collate "C" not null,
    content       text not null,
    content_hash  text not null,
    issued_at     timestamptz not null default now(),
    issued_by     text not null
);
create index study_transcript_member on study_transcript (member_id, year);
create index study_transcript_subtree on study_transcript (org_path);
