-- course.file_id → course_file and course_file.course_id → course made a cycle of foreign keys, which the restore
-- command (it loads tables in foreign-key order) refuses. The course's reference to its current file is the one that
-- matters; a file row only records which course it was uploaded for.
alter table course_file drop constraint course_file_course_id_fkey;
