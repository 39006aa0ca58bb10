package cn.zhibu.member;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The state every roster job keeps while it runs in the background: whose it is, where it stands, time and heap;
 * and the one named daemon thread each kind of job queues on.
 */
abstract class BackgroundJob {

    static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

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
        peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
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
