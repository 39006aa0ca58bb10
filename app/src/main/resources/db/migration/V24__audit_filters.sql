-- The audit page filters by person and by action, newest first: each filter one index range in time order.
create index audit_log_actor on audit_log (actor_id, at desc);
create index audit_log_action on audit_log (action, at desc);
