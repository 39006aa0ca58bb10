package cn.zhibu.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies (microseconds, 3 significant digits), successes and errors of one operation, safe to record from many
 * threads at once. Failed calls are timed too: a slow error is still a slow answer.
 */
final class LatencyStats {

    private static final int ERROR_EXAMPLES = 3;

    private final Histogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final LongAdder successes = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final Map<String, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    private final List<String> errorExamples = new CopyOnWriteArrayList<>();
    private volatile long wallNanos;

    void record(ApiResponse response) {
        recordNanos(response.nanos());
        if (response.ok()) {
            successes.increment();
            if (response.status() == 304) {
                notModified.increment();
            }
        } else {
            error(response.status() == 0 ? "no response" : Integer.toString(response.status()), response.describe());
        }
    }

    /** A successful call timed by the caller (e.g. a SQL statement). */
    void recordSuccess(long nanos) {
        recordNanos(nanos);
        successes.increment();
    }

    void error(String kind, String example) {
        errorsByStatus.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (errorExamples.size() < ERROR_EXAMPLES) {
            errorExamples.add(example);
        }
    }

    /** Successes that were 304 (the client's copy still current). */
    long notModified() {
        return notModified.sum();
    }

    /** Wall-clock time of the whole measurement, for throughput. */
    void wallTime(long nanos) {
        wallNanos = nanos;
    }

    long count() {
        return micros.getTotalCount();
    }

    long successes() {
        return successes.sum();
    }

    long errors() {
        return errorsByStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errorsByStatus() {
        Map<String, Long> sorted = new TreeMap<>();
        errorsByStatus.forEach((kind, n) -> sorted.put(kind, n.sum()));
        return sorted;
    }

    List<String> errorExamples() {
        return List.copyOf(errorExamples);
    }

    double percentileMs(double percentile) {
        return count() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return count() == 0 ? 0 : micros.getMaxValue() / 1000.0;
    }

    /** Successful calls per second of wall time: errors are not throughput. */
    double throughputPerSecond() {
        return wallNanos <= 0 ? 0 : successes() * 1e9 / wallNanos;
    }

    private void recordNanos(long nanos) {
        micros.recordValue(Math.min(Math.max(1, nanos / 1000), micros.getHighestTrackableValue()));
    }
}
