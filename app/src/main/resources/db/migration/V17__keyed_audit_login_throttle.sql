-- Audit entries record the version of the HMAC-SM3 key their hash was made with. Entries from before keyed chains
-- are version 0 and keep their plain SM3 hash: rewriting an append-only log to upgrade it would launder whatever it
-- holds. The first checkpoint the app writes after this upgrade (at start) anchors them; verification refuses a
-- version-0 entry after a keyed one or after that first checkpoint.
alter table audit_log add column key_version smallint not null default 0;
alter table audit_log alter column key_version drop default;

-- Failed logins are throttled by source, not by account: per account and client address (a hash of both, so that
-- a password typed into the user-name field is not kept) and per address across accounts. Shared by every app node.
create table login_throttle (
    key               text primary key,
    failures          int not null,
    window_started_at timestamptz not null,
    blocks            int not null default 0,
    last_failure_at   timestamptz not null,
    blocked_until     timestamptz
);
create index login_throttle_last_failure on login_throttle (last_failure_at);

-- The account lock counter is gone: a wrong password no longer counts against the account (anyone could lock any
-- account). locked_until stays as an administrative lock.
alter table app_user drop column failed_attempts;

-- The event publication registry's tables, owned by Flyway like every other table (Spring Modulith's own schema
-- initialization is off), so that the schema of a backup is the migrations and restore rebuilds it from them.
create table if not exists event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
