package cn.zhibu.platform;

import java.time.Instant;
import java.util.List;

/**
 * Append-only, hash-chained record of every write: who, what, when, before and after. Entries are spread over a
 * fixed number of chains (by entity) so that concurrent writers do not wait on one another; each chain links every
 * entry to the one before it.
 */
public interface AuditLog {

    /**
     * Appends one entry inside the caller's transaction, so the entry exists exactly when the change does. Call it
     * as the last write of the transaction: it takes its chain's lock, and taking no other lock after it keeps the
     * lock order the same everywhere (no deadlocks).
     *
     * @param orgPath path of the organization the data belongs to, so that the entry is visible in that scope
     * @param before  state before (null for creations); sensitive values must already be masked
     * @param after   state after (null for deletions)
     */
    void record(DataScope actor, String action, String entityType, Object entityId, String orgPath,
                Object before, Object after);

    /** Entries visible in the caller's scope, newest first. */
    List<Entry> recent(DataScope scope, String entityType, int page, int size);

    long count(DataScope scope, String entityType);

    /** Recomputes the whole chain; reports the first entry whose hash or link does not match. */
    ChainCheck verify();

    record Entry(int chain, long seq, Instant at, long actorId, String actorName, String action, String entityType,
                 String entityId, String orgPath, String beforeJson, String afterJson, String hash) {
    }

    /** Result of a verification: on failure, the first entry (chain, seq) that does not match. */
    record ChainCheck(boolean intact, long checked, Integer brokenChain, Long firstBrokenSeq) {
    }
}
