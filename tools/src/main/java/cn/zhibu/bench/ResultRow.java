package cn.zhibu.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the results: the fields the issue fixes (operation, members, percentiles, throughput, errors) and
 * facts particular to the operation (baseline, deadlocks, roll-up check, sample sizes …) after them.
 */
final class ResultRow {

    private final String operation;
    private final long members;
    private final double p50Ms;
    private final double p95Ms;
    private final double p99Ms;
    private final double throughputRps;
    private final long errors;
    private final List<String> errorExamples;
    private final Map<String, Object> extras = new LinkedHashMap<>();

    private ResultRow(String operation, long members, LatencyStats stats) {
        this.operation = operation;
        this.members = members;
        this.p50Ms = stats.percentileMs(50);
        this.p95Ms = stats.percentileMs(95);
        this.p99Ms = stats.percentileMs(99);
        this.throughputRps = stats.throughputPerSecond();
        this.errors = stats.errors();
        this.errorExamples = stats.errorExamples();
        extras.put("requests", stats.count());
        if (errors > 0) {
            extras.put("errors_by_status", stats.errorsByStatus());
        }
    }

    /** {@code members} is the size of the data set the operation ran on. */
    static ResultRow of(String operation, long members, LatencyStats stats) {
        return new ResultRow(operation, members, stats);
    }

    ResultRow with(String key, Object value) {
        extras.put(key, value);
        return this;
    }

    ResultRow withAll(Map<String, Object> facts) {
        extras.putAll(facts);
        return this;
    }

    String operation() {
        return operation;
    }

    double p50Ms() {
        return p50Ms;
    }

    double p95Ms() {
        return p95Ms;
    }

    double p99Ms() {
        return p99Ms;
    }

    double throughputRps() {
        return throughputRps;
    }

    long errors() {
        return errors;
    }

    List<String> errorExamples() {
        return errorExamples;
    }

    Object extra(String key) {
        return extras.get(key);
    }

    /** A numeric extra, or null. */
    Double number(String key) {
        return extras.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", operation);
        json.put("members", members);
        json.put("p50_ms", round(p50Ms, 3));
        json.put("p95_ms", round(p95Ms, 3));
        json.put("p99_ms", round(p99Ms, 3));
        json.put("throughput_rps", round(throughputRps, 1));
        json.put("errors", errors);
        extras.forEach((key, value) -> json.put(key, value instanceof Double d ? round(d, 3) : value));
        return json;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
