package cn.zhibu.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * One background job as stored: whose it is, where it stands and what it found so far. {@code state} is the module's
 * word for it (CHECKING, RUNNING, DONE …); {@code finishedAt} says it is over, whatever the state; {@code detail} is
 * the module's own record of the job. Any node reads the same row, so any node can answer a poll.
 */
public record BackgroundJob<D>(String id, String kind, long ownerId, String state, long progress, long total,
                               String message, D detail, String node, long peakHeapMb, Instant createdAt,
                               Instant updatedAt, Instant finishedAt) {

    /** The state every kind of job ends in when it breaks, is interrupted by a restart or is lost. */
    public static final String FAILED = "FAILED";

    public boolean finished() {
        return finishedAt != null;
    }

    /** Time so far, or the whole time once finished. */
    public long elapsedMs() {
        return Duration.between(createdAt, finished() ? finishedAt : Instant.now()).toMillis();
    }
}
