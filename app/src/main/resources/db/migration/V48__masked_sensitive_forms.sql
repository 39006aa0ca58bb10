-- Issue 16: the masked display forms of 身份证号 and phone (platform.Masking) stored beside their ciphertext, so lists,
-- searches and cards show them without SM4; the full number is decrypted only when a role allowed to see it opens a
-- record. Nullable, without a default: adding them rewrites no row (instant on 5 M members). Rows written before are
-- filled in the background (platform.Backfills, a pass per table); until then readers mask the decrypted value.
alter table member add column id_number_masked text, add column phone_masked text;
alter table member_archive add column id_number_masked text, add column phone_masked text;
alter table admission_case add column id_number_masked text, add column phone_masked text;

-- Resumable passes over a table by id: the last id done, kept in the same transaction as each batch.
create table backfill_progress (
    name       text primary key,
    last_id    bigint not null default 0,
    done       boolean not null default false,
    updated_at timestamptz not null default now()
);
-- a table that is empty now has nothing to fill: its pass is done from the start (a new installation)
insert into backfill_progress (name, done)
values ('member-masked', not exists (select 1 from member)),
       ('member-archive-masked', not exists (select 1 from member_archive)),
       ('admission-case-masked', not exists (select 1 from admission_case));
