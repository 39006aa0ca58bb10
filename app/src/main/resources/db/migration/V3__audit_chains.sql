-- One hash chain per stripe instead of one for the whole platform: concurrent writers append to different
-- chains and no longer queue on a single lock. Each chain is verified on its own; rows before this migration form
-- chain 0 unchanged.
alter table audit_log add column chain smallint not null default 0;
alter table audit_log drop constraint audit_log_pkey;
alter table audit_log add primary key (chain, seq);
create index audit_log_recent on audit_log (at desc);
