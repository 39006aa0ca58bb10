-- 组织生活 (issue 13), the meeting foundation: e-mail addresses for notifications, and the indexes of the inbox.

-- Invitations and cancellation notices go by e-mail when SMTP is configured: the address is the account's, set by its
-- owner (no earlier table held one). Optional; at most 254 characters (RFC 5321's path limit).
alter table app_user add column email varchar(254);

-- A secretary's inbox: meetings of the subtree still PLANNED after they ended (记录待补), and leave requests waiting
-- for a decision. Both are partial, so they hold only the few rows that wait.
create index life_meeting_planned on life_meeting (org_path, ends_at, id) where status = 'PLANNED';
create index life_invitee_leave_requested on life_invitee (meeting_id) where leave_status = 'REQUESTED';
