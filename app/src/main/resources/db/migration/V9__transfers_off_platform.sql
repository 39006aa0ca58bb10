-- Transfers with organizations that are not on the platform (R1): OUTBOUND letters to them, closed by their 回执;
-- INBOUND members arriving with their paper 介绍信. The side off the platform is a name, not an organization row.
alter table member_transfer
    add column kind text not null default 'INTERNAL',     -- INTERNAL, OUTBOUND, INBOUND
    add column external_org text,
    add column paper_letter_no text,
    alter column to_org_id drop not null,
    alter column to_org_path drop not null,
    alter column from_org_id drop not null,
    alter column from_org_path drop not null;
