-- Documents of a 发展党员 case (入党申请书 scans, 思想汇报, 政审材料, 志愿书 …), kept with the case so that the case's
-- scope guards them. Small files only (the app caps them at 10 MB), in the database so backups keep them together.
create sequence admission_document_seq;
create table admission_document (
    id            bigint primary key default nextval('admission_document_seq'),
    case_id       bigint not null references admission_case (id),
    step_id       bigint references admission_step (id),
    name          text not null,
    content_type  text not null,
    size_bytes    int not null,
    sm3        bytea not null,
    content       bytea not null,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null default now()
);
create index admission_document_case on admission_document (case_id, id);

-- D4: time already spent carries over when an activist changes unit: the case moves, with its steps, and says so.
alter table admission_case add column moves text;
