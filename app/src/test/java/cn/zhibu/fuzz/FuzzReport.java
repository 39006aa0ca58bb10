package cn.zhibu.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * @param failures      5xx answers, no answers, and answers slow even when sent again alone (of the first
 *                      {@value ApiFuzzer#KEEP_FAILURES}; {@code failureCount} counts them all)
 * @param underLoadOnly answers that were slow, or did not come, in the run but came in time when sent again alone:
 *                      the machine or the connection, not the operation (kept out of the failures so that a busy
 *                      2-core CI machine does not fail the run; each is listed with what the client saw)
 */
public record FuzzReport(long seed, long sent, Duration elapsed, Map<Integer, Long> byStatus,
                     Map<String, Map<Integer, Long>> byOperation, List<FuzzAnswer> slowest, List<FuzzAnswer> failures,
                     long failureCount, List<FuzzAnswer> underLoadOnly, long htmlToApiClient) {

    public double perSecond() {
        return sent / Math.max(0.001, elapsed.toMillis() / 1000.0);
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%,d requests in %.1f s (%.0f/s); by status %s%n", sent, elapsed.toMillis() / 1000.0,
                perSecond(), byStatus));
        b.append(String.format("error answers in HTML: %,d%n", htmlToApiClient));
        b.append("slowest:\n");
        slowest.forEach(a -> b.append(String.format("  %5d ms  %d  %s %s%n", a.millis(), a.status(),
                a.request().method(), RequestFactory.truncate(a.request().pathAndQuery(), 120))));
        underLoadOnly.forEach(a -> b.append(String.format("  %s under load only, answered alone: %s %s%n",
                a.status() == 0 ? "no answer (" + a.body() + ")" : "slow (" + a.millis() + " ms)", a.request().method(),
                RequestFactory.truncate(a.request().pathAndQuery(), 120))));
        b.append(String.format("failures: %,d%s%n", failureCount,
                failureCount > failures.size() ? " (first " + failures.size() + " kept)" : ""));
        return b.toString();
    }

    /**
     * Failures grouped by their cause on the server (exception and the application's frame; the status where the
     * cause is unknown), each with the operations it hit and the kinds of input most often sent with it.
     */
    public String failuresByCause(Function<String, String> serverSide) {
        Map<String, List<FuzzAnswer>> groups = new TreeMap<>();
        for (FuzzAnswer a : failures) {
            String cause = serverSide.apply(a.id(seed));
            String key = (cause == null ? withoutServerCause(a) : cause.replaceAll(": .* at ", " at "))
                    + (a.request().accept() == null || a.request().accept().matches("\\*/\\*|application/(problem\\+)?json")
                    ? "" : " (asked for a non-JSON answer)");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        StringBuilder b = new StringBuilder();
        groups.entrySet().stream().sorted((x, y) -> y.getValue().size() - x.getValue().size()).forEach(e -> {
            Map<String, Long> operations = new TreeMap<>();
            Map<String, Long> inputs = new TreeMap<>();
            for (FuzzAnswer a : e.getValue()) {
                operations.merge(a.request().operation(), 1L, Long::sum);
                a.request().labels().forEach(l -> inputs.merge(l.replaceFirst("^(body|query|path|part)\\.[^=]*=", ""),
                        1L, Long::sum));
            }
            String sample = serverSide.apply(e.getValue().get(0).id(seed));
            b.append(String.format("%4d× %s%n", e.getValue().size(), e.getKey()));
            if (sample != null && sample.contains(": ")) {
                b.append("      e.g. ").append(sample, sample.indexOf(": ") + 2, sample.lastIndexOf(" at ") > 0
                        ? sample.lastIndexOf(" at ") : sample.length()).append('\n');
            }
            b.append("      inputs: ").append(top(inputs, 4)).append("\n      operations: ")
                    .append(top(operations, 6)).append('\n');
        });
        return b.toString();
    }

    private static String top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(n)
                .map(e -> e.getKey() + " " + e.getValue() + "×").toList()
                + (counts.size() > n ? " and " + (counts.size() - n) + " more" : "");
    }

    /** What a failure shows when the server logged no cause for it. */
    private static String withoutServerCause(FuzzAnswer a) {
        if (a.status() == 0) {
            return "no answer: " + a.body();
        }
        return a.broken() ? "status " + a.status() : "slow";
    }

    /**
     * Failures grouped by operation and status, with one example each and what the server says about it
     * ({@code serverSide}: the exception behind an answer, if the caller can know it; may answer null).
     */
    public String failuresByOperation(Function<String, String> serverSide) {
        Map<String, List<FuzzAnswer>> groups = new TreeMap<>();
        for (FuzzAnswer a : failures) {
            String key = a.request().operation() + " → " + (a.status() == 0 ? "no answer" : a.status() >= 500
                    ? Integer.toString(a.status()) : "slow");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        StringBuilder b = new StringBuilder();
        groups.forEach((key, answers) -> {
            b.append(key).append(" (").append(answers.size()).append("×)\n  e.g. ")
                    .append(answers.get(0).describe().replace("\n", "\n  ")).append('\n');
            Map<String, Long> causes = new TreeMap<>();
            answers.forEach(a -> causes.merge(String.valueOf(serverSide.apply(a.id(seed))), 1L, Long::sum));
            causes.forEach((cause, n) -> b.append("  server: ").append(n).append("× ").append(cause).append('\n'));
            answers.stream().skip(1).limit(4).forEach(a -> b.append("  also inputs ")
                    .append(a.request().labels()).append('\n'));
        });
        return b.toString();
    }
}
