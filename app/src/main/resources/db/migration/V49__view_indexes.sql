-- Issue 16, the county-level views (timings on the 5 M-member benchmark database, each index built by hand).

-- The inbox's 发展党员 deadlines of a subtree (AdmissionRecords.dueBy): walked in deadline order, the subtree tested
-- on the index's org_path key instead of each case's row (a county: 7,400 rows read for 50 → index only, 6.7 → 0.5 ms).
-- 333 k open cases: built in about 1 s.
drop index admission_case_due;
create index admission_case_due on admission_case (next_due, id, org_path) where stage not in ('CLOSED', 'FULL');

-- The inbox's 限期改正 and 延长预备期 deadlines (StatusEvents): one index read instead of a scan of every status
-- event, a table that grows with every 转正 and move of the year. Built in milliseconds (10 k events).
create index member_status_event_deadline on member_status_event (kind, deadline) where deadline is not null;

-- Member search and the deep list pages of a subtree (MemberQuery): the two name orders keep their columns, but the
-- subtree's org_path becomes a key column instead of an included one, so the index itself tests it and a row of another
-- subtree is skipped without a visit to the table for its visibility (a county's page 200: 541 table visits for 20 rows
-- → 3, 12.7 → 0.6 ms cold; initials count of a county 26 → 10 ms). Same size and the same write cost as before.
-- 5.5 M members: about 30 s each (built concurrently by hand on the benchmark database; here in the upgrade's lock).
drop index member_initials;
create index member_initials on member (name_initials, name_pinyin, id, org_path);
drop index member_pinyin;
create index member_pinyin on member (name_pinyin, id, org_path) include (name);
