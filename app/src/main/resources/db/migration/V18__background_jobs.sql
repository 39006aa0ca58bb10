-- Background work as rows, so that it survives a restart and every node of a cluster sees it (platform.BackgroundJobs).

-- db-scheduler's own table (its PostgreSQL DDL for 16.x): one row per pending or running execution. A recurring task
-- has exactly one row, which one node at a time picks (optimistic lock on version): that is "once per cluster".
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- One background job (an import, an export …): whose it is, where it stands, and what it found. `scope` is the
-- submitter's data scope, so that the node that runs the job reads and writes exactly what the submitter may.
-- `state` is the module's own word (CHECKING, RUNNING, DONE …); `finished_at` says the job is over, whatever its state.
create table background_job (
    id           uuid primary key,
    kind         text not null,
    owner_id     bigint not null,
    scope        jsonb not null,
    state        text not null,
    progress     bigint not null default 0,
    total        bigint not null default 0,
    message      text,
    detail       jsonb not null default '{}',
    node         text,
    peak_heap_mb int not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    finished_at  timestamptz
);
create index background_job_unfinished on background_job (node) where finished_at is null;
create index background_job_finished on background_job (finished_at) where finished_at is not null;
create index background_job_owner on background_job (owner_id, kind) where finished_at is null;

-- A job's files (the uploaded workbook, the exported roster) in 1 MB chunks, so that any node serves them and a large
-- export streams in and out without being held whole in memory. Deleted with the job.
create table background_job_file (
    job_id uuid not null references background_job (id) on delete cascade,
    name   text not null,
    seq    int not null,
    data   bytea not null,
    primary key (job_id, name, seq)
);
-- the files are zip archives already: do not let TOAST try to compress them again
alter table background_job_file alter column data set storage external;
