-- 学习教育, the views part: a secretary's reminders to members behind on a required course or on their 学时. The
-- inbox of the member shows a reminder for a week; the key makes one reminder a day per member and subject (the rate
-- limit: a second click the same day sends nothing). subject is 'HOURS:<year>' or 'COURSE:<course id>'. No foreign
-- key to member: a member who leaves the registry keeps what they were sent.
create table learning_reminder (
    member_id   bigint not null,
    subject     text not null,
    sent_on     date not null,
    org_path    text collate "C" not null,
    message     varchar(300) not null,
    link        varchar(200) not null,
    sent_by     text not null,
    sent_at     timestamptz not null default now(),
    primary key (member_id, subject, sent_on)
);
create index learning_reminder_recent on learning_reminder (member_id, sent_on desc);

-- A branch's members behind on required courses: the required published courses with a due date, by due date.
create index course_required_due on course (due_on, org_path) where required and status = 'PUBLISHED';
