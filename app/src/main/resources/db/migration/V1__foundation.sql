-- Zhibu foundation: organization tree, members, roll-ups, identity, audit log, sessions.
-- Paths are "C"-collated so that a subtree is one btree range: path >= '/1/5/' and path < '/1/50'.

create sequence organization_seq;

create table organization (
    id              bigint primary key,
    parent_id       bigint references organization (id),
    root_id         bigint not null,            -- top of the tree: the distribution column when sharded
    path            text collate "C" not null,
    depth           int not null,
    name            text not null,
    short_name      text,
    type            text not null,
    category        text not null,
    unit_name       text,
    covered_units   int,
    established_on  date,
    sort_order      int not null default 0,
    status          text not null default 'ACTIVE',
    dissolved_on    date,
    dissolved_reason text,
    version         int not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index organization_path on organization (path);
create index organization_parent on organization (parent_id, sort_order, id);
alter table organization alter column path set statistics 1000;

-- Active organizations of each type in the subtree of org_id (itself included).
create table org_rollup (
    org_id  bigint not null references organization (id),
    type    text not null,
    n       int not null,
    primary key (org_id, type)
);

create sequence committee_term_seq;
create table committee_term (
    id          bigint primary key default nextval('committee_term_seq'),
    org_id      bigint not null references organization (id),
    term_start  date not null,
    term_end    date not null,
    current     boolean not null default true,
    note        text,
    created_at  timestamptz not null default now()
);
create unique index committee_term_current on committee_term (org_id) where current;

create sequence member_seq;

create table member (
    id              bigint primary key,
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    root_id         bigint not null,
    name            text not null,
    name_pinyin     text collate "C" not null,
    name_initials   text collate "C" not null,
    gender          text not null,
    ethnicity       text not null,
    birth_date      date not null,
    id_number_enc   bytea not null,
    id_number_hash  bytea not null,
    phone_enc       bytea,
    phone_hash      bytea,
    education       text not null,
    occupation      text not null,
    status          text not null,
    joined_on       date not null,
    converted_on    date,
    job_title       text,
    work_unit       text,
    version         int not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index member_id_number on member (id_number_hash);
create index member_subtree_pinyin on member (org_path, name_pinyin, id);
create index member_initials on member (name_initials, org_path);
create index member_org on member (org_id);
alter table member alter column org_path set statistics 1000;

create sequence committee_seat_seq;
create table committee_seat (
    id          bigint primary key default nextval('committee_seat_seq'),
    term_id     bigint not null references committee_term (id) on delete cascade,
    org_id      bigint not null references organization (id),
    position    text not null,
    member_id   bigint references member (id) on delete set null,
    person_name text not null,
    sort_order  int not null default 0
);
create index committee_seat_term on committee_seat (term_id);
create index committee_seat_member on committee_seat (member_id);

-- Members in the subtree of org_id by one dimension (gender, education, ethnicity, occupation, birth_year)
-- and status. Every member change adds +1/-1 to its rows at each ancestor in the same transaction.
create table member_rollup (
    org_id  bigint not null references organization (id),
    dim     text not null,
    val     text not null,
    status  text not null,
    n       int not null,
    primary key (org_id, dim, val, status)
);

create sequence app_user_seq;
create table app_user (
    id              bigint primary key default nextval('app_user_seq'),
    username        text not null unique,
    password_hash   text not null,
    display_name    text not null,
    member_id       bigint references member (id) on delete set null,
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz not null default now()
);

create table user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    text not null,
    org_id  bigint references organization (id),
    unique (user_id, role, org_id)
);
create index user_role_org on user_role (org_id);

create table api_token (
    token_hash  text primary key,
    user_id     bigint not null references app_user (id) on delete cascade,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null
);
create index api_token_user on api_token (user_id);

create table audit_log (
    seq         bigint primary key,
    at          timestamptz not null,
    actor_id    bigint not null,
    actor_name  text,
    action      text not null,
    entity_type text not null,
    entity_id   text,
    org_path    text collate "C",
    before_json text,
    after_json  text,
    prev_hash   text not null,
    hash        text not null
);
create index audit_log_path on audit_log (org_path, seq);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- Spring Session JDBC (sessions shared by all app nodes).
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null unique,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create index spring_session_expiry on spring_session (expiry_time);
create index spring_session_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
