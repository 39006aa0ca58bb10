-- 流动党员 (RULES.md R1, R2, R3, E2): members of a branch who are away (外出), kept in contact by their home branch,
-- and members of other organizations living here (流入), registered where they live.
create sequence floating_seq;
-- Scoped by the member's current organization (it follows transfers and subtree moves); a record leaving the
-- registry (停止党籍, 出党, death) drops out of the lists with it.
create table floating_outflow (
    id              bigint primary key default nextval('floating_seq'),
    member_id       bigint not null,
    destination     text not null,
    reason          text not null,
    left_on         date not null,
    fixed_place     boolean not null,
    contact         text,
    certificate_no  text,
    last_contact_on date not null,
    returned_on     date,
    recorded_by     text not null,
    version         int not null default 0
);
create unique index floating_outflow_open on floating_outflow (member_id) where returned_on is null;
create index floating_outflow_member on floating_outflow (member_id, id);

create table floating_inflow (
    id              bigint primary key default nextval('floating_seq'),
    org_id          bigint not null references organization (id),
    org_path        text collate "C" not null,
    name            text not null,
    home_org        text not null,
    arrived_on      date not null,
    contact         text,
    certificate_no  text,
    left_on         date,
    recorded_by     text not null
);
create index floating_inflow_scope on floating_inflow (org_path, id);
