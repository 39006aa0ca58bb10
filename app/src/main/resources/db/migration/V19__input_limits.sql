-- The input policy as the database's second line: the lengths and characters of platform.input.TextKind on every
-- column that holds what a user typed (NAME 100 characters on one line, SHORT 200 on one line, NOTE 1,000 and LONG
-- 10,000 on several; never control characters, NUL being impossible in PostgreSQL text anyway; never the direction
-- controls U+202A–U+202E, U+2066–U+2069), and SensibleDate's bounds (1900-01-01 to 2100-12-31, so no more
-- 'infinity' for LocalDate.MAX) on the dates users enter. The application refuses all of this first, with a message
-- naming the field; a row that still breaks a limit is refused here (a 400, never stored).
--
-- NOT VALID: every row written from now on is checked, the rows already stored are neither read nor refused (a large
-- registry migrates in no time, and older data entered before the policy does not stop the upgrade). Once a database
-- is known to be clean: ALTER TABLE ... VALIDATE CONSTRAINT ... for each constraint below.
--
-- Single-line columns: no character U+0001–U+001F, U+007F–U+009F, U+2028, U+2029, U+202A–U+202E, U+2066–U+2069.
-- Multi-line columns: the same, except tab (U+0009) and line feed (U+000A).


alter table organization
    add constraint organization_name_text check (char_length(name) <= 100 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint organization_short_name_text check (char_length(short_name) <= 100 and short_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint organization_unit_name_text check (char_length(unit_name) <= 100 and unit_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint organization_dissolved_reason_text check (char_length(dissolved_reason) <= 1000 and dissolved_reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table committee_term
    add constraint committee_term_note_text check (char_length(note) <= 1000 and note !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table committee_seat
    add constraint committee_seat_person_name_text check (char_length(person_name) <= 100 and person_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table member
    add constraint member_name_text check (char_length(name) <= 100 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_ethnicity_text check (char_length(ethnicity) <= 100 and ethnicity !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_job_title_text check (char_length(job_title) <= 100 and job_title !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_work_unit_text check (char_length(work_unit) <= 100 and work_unit !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table member_archive
    add constraint member_archive_name_text check (char_length(name) <= 100 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_archive_ethnicity_text check (char_length(ethnicity) <= 100 and ethnicity !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_archive_job_title_text check (char_length(job_title) <= 100 and job_title !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_archive_work_unit_text check (char_length(work_unit) <= 100 and work_unit !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table app_user
    add constraint app_user_username_text check (char_length(username) <= 200 and username !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint app_user_display_name_text check (char_length(display_name) <= 100 and display_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table member_status_event
    add constraint member_status_event_reason_text check (char_length(reason) <= 1000 and reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_status_event_document_ref_text check (char_length(document_ref) <= 200 and document_ref !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_status_event_approved_by_text check (char_length(approved_by) <= 100 and approved_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_status_event_recorded_by_text check (char_length(recorded_by) <= 100 and recorded_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table member_transfer
    add constraint member_transfer_member_name_text check (char_length(member_name) <= 100 and member_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_transfer_reason_text check (char_length(reason) <= 1000 and reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_transfer_started_by_text check (char_length(started_by) <= 100 and started_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_transfer_external_org_text check (char_length(external_org) <= 100 and external_org !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_transfer_paper_letter_no_text check (char_length(paper_letter_no) <= 200 and paper_letter_no !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_transfer_dues_paid_until_text check (char_length(dues_paid_until) <= 200 and dues_paid_until !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table member_transfer_step
    add constraint member_transfer_step_note_text check (char_length(note) <= 1000 and note !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint member_transfer_step_decided_by_text check (char_length(decided_by) <= 100 and decided_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table floating_outflow
    add constraint floating_outflow_destination_text check (char_length(destination) <= 200 and destination !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_outflow_reason_text check (char_length(reason) <= 1000 and reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_outflow_contact_text check (char_length(contact) <= 200 and contact !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_outflow_certificate_no_text check (char_length(certificate_no) <= 200 and certificate_no !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_outflow_recorded_by_text check (char_length(recorded_by) <= 100 and recorded_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table floating_inflow
    add constraint floating_inflow_name_text check (char_length(name) <= 100 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_inflow_home_org_text check (char_length(home_org) <= 100 and home_org !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_inflow_contact_text check (char_length(contact) <= 200 and contact !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_inflow_certificate_no_text check (char_length(certificate_no) <= 200 and certificate_no !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint floating_inflow_recorded_by_text check (char_length(recorded_by) <= 100 and recorded_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table calendar_day
    add constraint calendar_day_name_text check (char_length(name) <= 100 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table publicity
    add constraint publicity_title_text check (char_length(title) <= 200 and title !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint publicity_body_text check (char_length(body) <= 10000 and body !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint publicity_subject_type_text check (char_length(subject_type) <= 200 and subject_type !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint publicity_published_by_text check (char_length(published_by) <= 100 and published_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint publicity_withdrawn_by_text check (char_length(withdrawn_by) <= 100 and withdrawn_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint publicity_withdraw_reason_text check (char_length(withdraw_reason) <= 1000 and withdraw_reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table publicity_comment
    add constraint publicity_comment_text_text check (char_length(text) <= 1000 and text !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint publicity_comment_author_name_text check (char_length(author_name) <= 100 and author_name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table admission_case
    add constraint admission_case_name_text check (char_length(name) <= 100 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint admission_case_ethnicity_text check (char_length(ethnicity) <= 100 and ethnicity !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint admission_case_work_unit_text check (char_length(work_unit) <= 100 and work_unit !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint admission_case_closed_reason_text check (char_length(closed_reason) <= 1000 and closed_reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table admission_step
    add constraint admission_step_recorded_by_text check (char_length(recorded_by) <= 100 and recorded_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

alter table admission_document
    add constraint admission_document_name_text check (char_length(name) <= 200 and name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint admission_document_content_type_text check (char_length(content_type) <= 200 and content_type !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid,
    add constraint admission_document_uploaded_by_text check (char_length(uploaded_by) <= 100 and uploaded_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]') not valid;

-- SensibleDate: 1900-01-01 to 2100-12-31.
alter table organization
    add constraint organization_established_on_date check (established_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint organization_dissolved_on_date check (dissolved_on between date '1900-01-01' and date '2100-12-31') not valid;
alter table committee_term
    add constraint committee_term_term_start_date check (term_start between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint committee_term_term_end_date check (term_end between date '1900-01-01' and date '2100-12-31') not valid;
alter table member
    add constraint member_birth_date_date check (birth_date between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_joined_on_date check (joined_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_converted_on_date check (converted_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_lost_contact_since_date check (lost_contact_since between date '1900-01-01' and date '2100-12-31') not valid;
alter table member_archive
    add constraint member_archive_birth_date_date check (birth_date between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_archive_joined_on_date check (joined_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_archive_converted_on_date check (converted_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_archive_lost_contact_since_date check (lost_contact_since between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_archive_archived_on_date check (archived_on between date '1900-01-01' and date '2100-12-31') not valid;
alter table member_status_event
    add constraint member_status_event_effective_on_date check (effective_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_status_event_deadline_date check (deadline between date '1900-01-01' and date '2100-12-31') not valid;
alter table member_transfer
    add constraint member_transfer_started_on_date check (started_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint member_transfer_valid_until_date check (valid_until between date '1900-01-01' and date '2100-12-31') not valid;
alter table floating_outflow
    add constraint floating_outflow_left_on_date check (left_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint floating_outflow_last_contact_on_date check (last_contact_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint floating_outflow_returned_on_date check (returned_on between date '1900-01-01' and date '2100-12-31') not valid;
alter table floating_inflow
    add constraint floating_inflow_arrived_on_date check (arrived_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint floating_inflow_left_on_date check (left_on between date '1900-01-01' and date '2100-12-31') not valid;
alter table calendar_day
    add constraint calendar_day_day_date check (day between date '1900-01-01' and date '2100-12-31') not valid;
alter table publicity
    add constraint publicity_starts_on_date check (starts_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint publicity_ends_on_date check (ends_on between date '1900-01-01' and date '2100-12-31') not valid;
alter table admission_case
    add constraint admission_case_birth_date_date check (birth_date between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint admission_case_applied_on_date check (applied_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint admission_case_approved_on_date check (approved_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint admission_case_converted_on_date check (converted_on between date '1900-01-01' and date '2100-12-31') not valid,
    add constraint admission_case_closed_on_date check (closed_on between date '1900-01-01' and date '2100-12-31') not valid;
alter table admission_step
    add constraint admission_step_done_on_date check (done_on between date '1900-01-01' and date '2100-12-31') not valid;
