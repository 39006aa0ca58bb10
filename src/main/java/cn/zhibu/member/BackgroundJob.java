package cn.zhibu.member;

import java.time.Duration;
import java.time.Instant;

/** The state every roster job keeps while it runs in the background: whose it is, where it stands, time and heap. */
abstract class BackgroundJob {

    final String id;
    final long ownerId;
    final Instant startedAt = Instant.now();
    volatile String status;
    volatile String message;
    volatile long elapsedMs;
    private volatile long peakHeap;

    BackgroundJob(String id, long ownerId, String status) {
        this.id = id;
        this.ownerId = ownerId;
        this.status = status;
        sampleHeap();
    }

    abstract boolean finished();

    final void sampleHeap() {
        peakHeap = Math.max(peakHeap, BackgroundWork.heapUsed());
    }

    final void finish(String finalStatus, String why) {
        elapsedMs = Duration.between(startedAt, Instant.now()).toMillis();
        message = why;
        status = finalStatus;
    }

    /** Time so far, or the whole time once finished. */
    final long elapsed() {
        return finished() ? elapsedMs : Duration.between(startedAt, Instant.now()).toMillis();
    }

    final long peakHeapMb() {
        return peakHeap / (1024 * 1024);
    }
}
