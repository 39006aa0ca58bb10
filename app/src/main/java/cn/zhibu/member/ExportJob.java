package cn.zhibu.member;

import java.time.Instant;

/**
 * One roster export as it runs: rows written of the expected total, then done (with the file) or failed (with why).
 * {@code peakHeapMb} is the app's largest heap use seen while it ran, for the benchmark's memory figure.
 */
public record ExportJob(String id, long ownerId, String orgName, String status, long rows, long total,
                        Instant startedAt, long elapsedMs, long peakHeapMb, String fileName, String message) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public int percent() {
        return total == 0 ? (DONE.equals(status) ? 100 : 0) : (int) Math.min(100, rows * 100 / total);
    }

    public boolean finished() {
        return !RUNNING.equals(status);
    }
}
