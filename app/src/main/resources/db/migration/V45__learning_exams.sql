-- 学习教育, exams part (cn.zhibu.learning.exam): question banks, exams drawn per member, the daily quiz.

-- A question bank of an organization, managed by the managers of its subtree (org_path in their scope).
create sequence question_bank_seq;
create table question_bank (
    id          bigint primary key default nextval('question_bank_seq'),
    org_id      bigint not null references organization (id),
    org_path    text collate "C" not null,
    root_id     bigint not null,
    name        varchar(100) not null,
    description varchar(1000),
    created_by  text not null,
    created_at  timestamptz not null default now()
);
create index question_bank_path on question_bank (org_path);

-- A question. SINGLE, MULTIPLE and TRUE_FALSE are answered by option indexes (0-based, into `options`; TRUE_FALSE
-- has the fixed options 正确/错误), `correct` holds the right ones; FILL is answered by a text, right when it equals
-- one of `accepted` after normalisation (trimmed, NFKC: full-width as half-width, case folded). A removed question
-- is retired (`active` false): attempts that drew it keep it.
create sequence question_seq;
create table question (
    id           bigint primary key default nextval('question_seq'),
    bank_id      bigint not null references question_bank (id),
    kind         text not null check (kind in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL')),
    topic        varchar(50) not null,
    stem         varchar(1000) not null,
    options      text[] not null default '{}',
    correct      int[] not null default '{}',
    accepted     text[] not null default '{}',
    explanation  varchar(1000),
    score        int not null check (score between 1 and 100),
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    check (kind = 'FILL' and cardinality(accepted) > 0 or kind <> 'FILL' and cardinality(correct) > 0)
);
create index question_bank_topic on question (bank_id, kind, topic) where active;

-- An exam (daily = false) or a daily quiz (daily = true) of an organization, to its subtree (SUBTREE) or everyone
-- (EVERYONE, only from a root). Open from opens_at to closes_at. An exam's attempts last time_limit_minutes from
-- their start (never past closes_at); a quiz's attempt lasts until the end of its day, one per member a day.
create sequence exam_seq;
create table exam (
    id                  bigint primary key default nextval('exam_seq'),
    org_id              bigint not null references organization (id),
    org_path            text collate "C" not null,
    root_id             bigint not null,
    daily               boolean not null default false,
    title               varchar(100) not null,
    description         varchar(1000),
    audience            text not null default 'SUBTREE' check (audience in ('SUBTREE', 'EVERYONE')),
    status              text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    opens_at            timestamptz not null,
    closes_at           timestamptz not null,
    time_limit_minutes  int not null check (time_limit_minutes between 1 and 600),
    max_attempts        int not null check (max_attempts between 1 and 20),
    pass_mark           int not null check (pass_mark >= 0),
    partial_credit      boolean not null default false,
    review_after_last   boolean not null default false,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    check (opens_at < closes_at)
);
create index exam_audience on exam (org_path, status, closes_at);
create index exam_everyone on exam (status, closes_at) where audience = 'EVERYONE';

-- How an exam draws: `count` questions of `kind` (and `topic`, any when null) from `bank_id`, `score` each.
create table exam_rule (
    exam_id  bigint not null references exam (id) on delete cascade,
    position int not null,
    bank_id  bigint not null references question_bank (id),
    topic    varchar(50),
    kind     text check (kind in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL')),
    count    int not null check (count between 1 and 200),
    score    int not null check (score between 1 and 100),
    primary key (exam_id, position)
);

-- A member's attempt: drawn at start, the deadline stored then (the server's clock decides; an answer after it is
-- refused), graded when submitted or, past the deadline, as submitted at the deadline. org_path is the member's at
-- the start (rewritten on moves), so a subtree's results are one range. quiz_day: the day of a daily quiz's attempt.
create sequence exam_attempt_seq;
create table exam_attempt (
    id            bigint primary key default nextval('exam_attempt_seq'),
    exam_id       bigint not null references exam (id),
    member_id     bigint not null,  -- no foreign key: an archived member leaves the member table, their study record stays
    org_id        bigint not null,
    org_path      text collate "C" not null,
    quiz_day      date,
    started_at    timestamptz not null,
    deadline      timestamptz not null,
    submitted_at  timestamptz,
    score         int,
    max_score     int not null,
    passed        boolean not null default false,
    check (submitted_at is null or score is not null)
);
create index exam_attempt_member on exam_attempt (member_id, exam_id);
create index exam_attempt_subtree on exam_attempt (exam_id, org_path);
create unique index exam_attempt_quiz_day on exam_attempt (exam_id, member_id, quiz_day) where quiz_day is not null;

-- One drawn question of an attempt, in the member's order. option_order[i] is the option index shown i-th (the
-- answer key stays on the server); `answer` the member's saved answer (option indexes as text, or the text filled in).
create table exam_attempt_item (
    attempt_id    bigint not null references exam_attempt (id) on delete cascade,
    position      int not null,
    question_id   bigint not null references question (id),
    option_order  int[] not null default '{}',
    score         int not null,
    answer        text[],
    answered_at   timestamptz,
    awarded       int,
    primary key (attempt_id, position)
);
