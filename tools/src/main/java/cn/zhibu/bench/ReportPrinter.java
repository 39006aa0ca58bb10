package cn.zhibu.bench;

import java.io.PrintStream;
import java.util.List;

/** The human-readable part of the results: one line per operation, then errors and notes. */
final class ReportPrinter {

    private static final String LINE = "%-48s %9s %9s %9s %10s %7s  %-38s %s%n";

    private final PrintStream out;

    ReportPrinter(PrintStream out) {
        this.out = out;
    }

    void table(List<ResultRow> rows, long members) {
        out.printf("%nResults on %,d members (targets are stated for 5,000,000)%n", members);
        out.printf(LINE, "operation", "p50 ms", "p95 ms", "p99 ms", "rps", "errors", "target", "met?");
        for (ResultRow row : rows) {
            Object target = row.extra("target");
            out.printf(LINE, row.operation(), ms(row.p50Ms()), ms(row.p95Ms()), ms(row.p99Ms()),
                    "%.1f".formatted(row.throughputRps()), row.errors(), target == null ? "—" : target,
                    target == null ? "" : verdict(row.extra("met")));
        }
    }

    void problems(List<ResultRow> rows, List<String> notes) {
        for (ResultRow row : rows) {
            if (row.errors() > 0) {
                out.printf("%s: %d errors %s, e.g. %s%n", row.operation(), row.errors(), row.extra("errors_by_status"),
                        String.join(" | ", row.errorExamples()));
            }
        }
        if (!notes.isEmpty()) {
            out.printf("%nNotes%n");
            notes.forEach(note -> out.println("- " + note));
        }
    }

    private static String verdict(Object met) {
        return met == null ? Targets.Verdict.NOT_APPLICABLE.label()
                : Boolean.TRUE.equals(met) ? Targets.Verdict.MET.label() : Targets.Verdict.MISSED.label();
    }

    private static String ms(double value) {
        return value >= 1_000 ? "%.0f".formatted(value) : "%.2f".formatted(value);
    }
}
