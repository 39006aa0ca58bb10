-- Issue 16, the move: a member row rewritten by a move (its org_path) gets a new entry in every index of the table,
-- and three of them (身份证号 hash, initials, pinyin) are in an order unrelated to the subtree — at 5 M members a
-- cold move of 4,516 members read ~13,450 of their pages one at a time. Those keys never change when a subtree
-- moves, so they live here, beside the member's organization id (which a move above the member does not change
-- either): a move rewrites no row of this table. Searches by name, initials and 身份证号 read it, and find the
-- caller's scope through the organization (SubtreeRewrite.orgIdIn), as the path-free tables of V51/V52 do.
--
-- Kept by triggers, so every writer of member (the registry, transfers, imports by COPY, the archive, a restore)
-- keeps it without knowing it exists. Derived data: the backup leaves it out and a restore rebuilds it.
create table member_lookup (
    id              bigint primary key references member (id) on delete cascade,
    org_id          bigint not null,
    root_id         bigint not null,            -- a search of a whole tree (a province) needs no organization
    name            text not null,
    name_pinyin     text collate "C" not null,
    name_initials   text collate "C" not null,
    id_number_hash  bytea not null
);
comment on table member_lookup is 'derived from member by trigger; not backed up';

-- Fills the table from member (this migration, the generator after its bulk load).
create function member_lookup_fill() returns bigint
    language sql volatile
as $$
    with added as (
        insert into member_lookup (id, org_id, root_id, name, name_pinyin, name_initials, id_number_hash)
        select id, org_id, root_id, name, name_pinyin, name_initials, id_number_hash from member
        on conflict (id) do nothing
        returning 1)
    select count(*) from added
$$;

select member_lookup_fill();

create unique index member_lookup_id_number on member_lookup (id_number_hash);
create index member_lookup_initials on member_lookup (name_initials, name_pinyin, id) include (org_id, root_id);
create index member_lookup_pinyin on member_lookup (name_pinyin, id) include (org_id, root_id, name);
create index member_lookup_org on member_lookup (org_id);

-- One statement for every insert, so a COPY of an import adds its rows in one go.
create function member_lookup_added() returns trigger
    language plpgsql
as $$
begin
    insert into member_lookup (id, org_id, root_id, name, name_pinyin, name_initials, id_number_hash)
    select id, org_id, root_id, name, name_pinyin, name_initials, id_number_hash from added;
    return null;
end
$$;
create trigger member_lookup_insert after insert on member
    referencing new table as added for each statement execute function member_lookup_added();

-- Per row and only when a column it holds changed: a move within one tree sets org_path and root_id (unchanged),
-- so its rows pass the WHEN test and write nothing here; a move to another tree (rare) re-roots them.
create function member_lookup_changed() returns trigger
    language plpgsql
as $$
begin
    update member_lookup set org_id = new.org_id, root_id = new.root_id, name = new.name,
                             name_pinyin = new.name_pinyin, name_initials = new.name_initials,
                             id_number_hash = new.id_number_hash
    where id = new.id;
    return null;
end
$$;
create trigger member_lookup_update
    after update of org_id, root_id, name, name_pinyin, name_initials, id_number_hash on member
    for each row
    when (old.org_id is distinct from new.org_id or old.root_id is distinct from new.root_id
          or old.name is distinct from new.name or old.name_pinyin is distinct from new.name_pinyin
          or old.name_initials is distinct from new.name_initials
          or old.id_number_hash is distinct from new.id_number_hash)
    execute function member_lookup_changed();

drop index if exists member_id_number;
drop index if exists member_initials;
drop index if exists member_pinyin;

analyze member_lookup;
