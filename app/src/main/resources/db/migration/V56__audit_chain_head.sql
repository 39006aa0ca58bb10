-- The head of an audit chain, read only once the chain's lock is held, in one round trip instead of two. The
-- function is VOLATILE, so under READ COMMITTED its SELECT takes a snapshot after the lock is granted and sees the
-- entry the previous holder committed (a single SELECT calling pg_advisory_xact_lock would read with a snapshot
-- taken before it waited). No row yet: seq and hash are null.
create function audit_chain_head(p_chain smallint, p_lock bigint, out seq bigint, out hash text)
    language plpgsql volatile
as $$
begin
    perform pg_advisory_xact_lock(p_lock);
    select a.seq, a.hash into seq, hash from audit_log a where a.chain = p_chain order by a.seq desc limit 1;
end
$$;
