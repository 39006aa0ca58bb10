-- 组织生活 check-in: a check-out by hand records who and why, as a check-in by hand does (V25's checked_in_by and
-- checked_in_reason); null when the member scanned the check-out code themselves.
alter table life_invitee add column checked_out_by text;
alter table life_invitee add column checked_out_reason varchar(500);
