-- Issue 16 (the move of a subtree): the learning tables with rows per member carried a copy of their member's
-- org_path only so that a move could find and rewrite them (course_progress 12 k rows, study_year 5 k for a
-- 5,000-member committee on the 5 M database: 200 ms of its move). No read looks them up by that path: the views
-- read them by member (their keys) and count subtrees from study_rollup. They keep the organization they name
-- (org_id, which a move above it does not change); a subtree's rows, where one is ever needed, are found through
-- the organization table (platform.SubtreeRewrite.orgIdIn). None of them has a root_id: a move rewrites none.
--
-- Dropping an index or a column only changes the catalog: instant at any size (the space is reclaimed as rows are
-- rewritten). course_progress_course (course_id, org_path) served no query either.

drop index course_progress_subtree;
drop index course_progress_course;
alter table course_progress drop column org_path;

drop index study_year_subtree;
alter table study_year drop column org_path;

drop index study_external_subtree;
alter table study_external drop column org_path;

drop index class_enrolment_subtree;
alter table class_enrolment drop column org_path;

drop index points_entry_subtree;
alter table points_entry drop column org_path;

-- An exam's results over the caller's subtrees (ExamRecords.results): the exam's attempts by organization.
-- Built on an empty table on the benchmark database (no attempts there): milliseconds.
drop index exam_attempt_subtree;
create index exam_attempt_exam_org on exam_attempt (exam_id, org_id);
alter table exam_attempt drop column org_path;

-- An issued transcript named its place only by path: it names the organization instead (the member's at issue,
-- the last id of the path), filled here from the path (transcripts are issued one by one: few rows; none on the
-- benchmark database).
drop index study_transcript_subtree;
alter table study_transcript add column org_id bigint;
update study_transcript set org_id = (regexp_match(org_path, '(\d+)/$'))[1]::bigint;
alter table study_transcript alter column org_id set not null;
alter table study_transcript drop column org_path;
