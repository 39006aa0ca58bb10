-- Issue 16 (the move of a subtree): study_credit carried a copy of its member's org_path that nothing reads (credits
-- are read by member and year; subtree figures come from study_year and study_rollup) and no index covers, so a move
-- rewrote it with a sequential scan of the whole table — 8 s of a 5,000-member move on the 5 M database (14 M rows).
-- Dropping a column only changes the catalog: instant at any size (the space is reclaimed as rows are rewritten).
alter table study_credit drop column org_path;
