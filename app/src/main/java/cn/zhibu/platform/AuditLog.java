package cn.zhibu.platform;

import java.time.Instant;
import java.util.List;

/**
 * Append-only, hash-chained record of every write: who, what, when, before and after. Entries are spread over a
 * fixed number of chains (by entity) so that concurrent writers do not wait on one another; each chain links every
 * entry to the one before it with HMAC-SM3 under the audit key, and the chain heads are anchored outside the
 * database by signed checkpoints, so that a database administrator can neither rewrite nor shorten a chain unseen.
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
    void record(DataScope actor, AuditAction action, String entityType, Object entityId, String orgPath,
                Object before, Object after);

    /** Entries visible in the caller's scope that pass the filter, newest first. */
    List<Entry> search(DataScope scope, AuditFilter filter, int page, int size);

    long count(DataScope scope, AuditFilter filter);

    /** Entries visible in the caller's scope, newest first. */
    default List<Entry> recent(DataScope scope, String entityType, int page, int size) {
        return search(scope, AuditFilter.ofType(entityType), page, size);
    }

    default long count(DataScope scope, String entityType) {
        return count(scope, AuditFilter.ofType(entityType));
    }

    /** At most {@code limit} entries that pass the filter, newest first: for an export, which checks the count first. */
    List<Entry> all(DataScope scope, AuditFilter filter, int limit);

    /**
     * Recomputes every chain and compares it with the checkpoints; reports the first entry whose hash, link or
     * checkpoint does not match, or a chain shorter than its last checkpoint.
     */
    ChainCheck verify();

    /** Anchors every chain's head in the checkpoint files now (the app also does so periodically and at shutdown). */
    void checkpoint();

    /**
     * Call in the transaction that deliberately empties the log (the generator's --replace): once it commits, a
     * signed reset line in the checkpoint files tells verification that the chains start again.
     */
    void emptiedDeliberately();

    record Entry(int chain, long seq, Instant at, long actorId, String actorName, String action, String entityType,
                 String entityId, String orgPath, String beforeJson, String afterJson, String hash) {
    }

    /**
     * Result of a verification: on failure, the first entry (chain, seq) that does not match, where known, and what
     * was found, in Chinese; the time of the latest checkpoint (null when none was written yet).
     */
    record ChainCheck(boolean intact, long checked, Integer brokenChain, Long firstBrokenSeq, String problem,
                      Instant lastCheckpoint) {
    }
}
