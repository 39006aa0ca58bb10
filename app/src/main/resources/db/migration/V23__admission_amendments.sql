-- 更正 of a recorded 发展党员 step. The step row holds the corrected values (every rule reads them); each amendment
-- keeps, field by field, what it replaced and why, so the original entry and every correction stay visible.
create sequence admission_amendment_seq;
create table admission_amendment (
    id            bigint primary key default nextval('admission_amendment_seq'),
    case_id       bigint not null references admission_case (id),
    step_id       bigint not null references admission_step (id),
    changes_json  text not null,   -- [{"field":…, "label":…, "before":…, "after":…}]
    reason        text not null,
    amended_by    text not null,
    amended_at    timestamptz not null default now(),
    constraint admission_amendment_reason_text check (char_length(reason) <= 1000 and reason !~ '[\x01-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]'),
    constraint admission_amendment_amended_by_text check (char_length(amended_by) <= 100 and amended_by !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]')
);
create index admission_amendment_case on admission_amendment (case_id, id);
