-- Lifecycle of a membership (RULES.md R5, D10, D11): every status change is an event with its date, reason, document
-- and approver; nothing is deleted.

-- Lost contact (R5): the date of the last contact while the branch is searching; null when in contact.
alter table member add column lost_contact_since date;

-- Members whose 党籍 is stopped (停止党籍), who left the party (出党) or died are moved here from member, so that
-- member stays the registry of 正式 and 预备 党员 that every count, list and index serves. Same columns as member
-- (keep the two in step when member gains one), then why and since when the record is here.
create table member_archive (like member including defaults including constraints);
alter table member_archive add primary key (id);
alter table member_archive add foreign key (org_id) references organization (id);
alter table member_archive
    add column archive_status text not null,          -- SUSPENDED (停止党籍), LEFT (出党), DECEASED (死亡)
    add column archive_kind   text not null,          -- the event that put it here
    add column archived_on    date not null;          -- its effective date
create unique index member_archive_id_number on member_archive (id_number_hash);
create index member_archive_subtree on member_archive (org_path, name_pinyin, id);

create sequence member_status_event_seq;
create table member_status_event (
    id            bigint primary key default nextval('member_status_event_seq'),
    member_id     bigint not null,
    org_id        bigint not null references organization (id),
    org_path      text collate "C" not null,
    kind          text not null,
    from_status   text not null,
    to_status     text not null,
    effective_on  date not null,
    reason        text not null,
    document_ref  text,
    approved_by   text,
    recorded_by   text not null,
    recorded_at   timestamptz not null default now()
);
create index member_status_event_member on member_status_event (member_id, id);

-- Reminders over a subtree (R5 lost contact, D11 probation over) read these small partial indexes, not the registry.
create index member_lost_contact on member (org_path, lost_contact_since) where lost_contact_since is not null;
create index member_probation on member (org_path, joined_on) where status = 'PROBATIONARY';
