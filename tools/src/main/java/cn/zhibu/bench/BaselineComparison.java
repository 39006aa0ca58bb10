package cn.zhibu.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sets our dashboard against the naive ways, level by level, by p95. Ours is measured through HTTP, JSON and
 * access checks; theirs is bare SQL on a direct connection — the comparison favours them.
 */
final class BaselineComparison {

    private BaselineComparison() {
    }

    /** Puts the naive p95s and the speed-ups on our dashboard rows ("baseline_p95_ms" is the recursive CTE's). */
    static void attach(List<ResultRow> rows) {
        Map<String, ResultRow> byName = byName(rows);
        for (Level level : Level.values()) {
            ResultRow cte = byName.get(NaiveMethod.RECURSIVE_CTE.operation(level));
            ResultRow like = byName.get(NaiveMethod.ANCESTORS_LIKE.operation(level));
            for (String ours : List.of(dashboard(level), "dashboard_repeat_" + level.label())) {
                attach(byName.get(ours), cte, like);
            }
        }
    }

    private static void attach(ResultRow ours, ResultRow cte, ResultRow like) {
        if (ours == null) {
            return;
        }
        if (cte != null) {
            ours.with("baseline_p95_ms", cte.p95Ms()).with("speedup_vs_recursive_cte", speedup(ours, cte));
        }
        if (like != null) {
            ours.with("baseline_ancestors_like_p95_ms", like.p95Ms())
                    .with("speedup_vs_ancestors_like", speedup(ours, like));
        }
    }

    static void print(PrintStream out, List<ResultRow> rows) {
        Map<String, ResultRow> byName = byName(rows);
        out.printf("%nDashboard p95, ours (computed afresh; reloaded with its tag) vs the naive ways (same data, same"
                + " organizations)%n");
        out.printf("%-16s %12s %18s %19s %12s %12s%n", "level", "ours ms", "recursive CTE ms", "ancestors LIKE ms",
                "× CTE", "× LIKE");
        for (Level level : Level.values()) {
            ResultRow ours = byName.get(dashboard(level));
            if (ours == null) {
                continue;
            }
            ResultRow cte = byName.get(NaiveMethod.RECURSIVE_CTE.operation(level));
            ResultRow like = byName.get(NaiveMethod.ANCESTORS_LIKE.operation(level));
            out.printf("%-16s %12.2f %18s %19s %12s %12s%n", level.label(), ours.p95Ms(), millis(cte), millis(like),
                    times(ours, cte), times(ours, like));
            ResultRow reloaded = byName.get("dashboard_repeat_" + level.label());
            if (reloaded != null) {
                out.printf("%-16s %12.2f %18s %19s %12s %12s%n", "  reloaded", reloaded.p95Ms(), "", "",
                        times(reloaded, cte), times(reloaded, like));
            }
        }
    }

    private static String dashboard(Level level) {
        return "dashboard_" + level.label();
    }

    private static double speedup(ResultRow ours, ResultRow theirs) {
        return theirs.p95Ms() / Math.max(ours.p95Ms(), 0.001);
    }

    private static String millis(ResultRow row) {
        return row == null ? "—" : "%.2f".formatted(row.p95Ms());
    }

    private static String times(ResultRow ours, ResultRow theirs) {
        if (theirs == null) {
            return "—";
        }
        double speedup = speedup(ours, theirs);
        return (speedup < 10 ? "%.2f×" : "%,.0f×").formatted(speedup);
    }

    private static Map<String, ResultRow> byName(List<ResultRow> rows) {
        return rows.stream().collect(Collectors.toMap(ResultRow::operation, Function.identity(), (a, b) -> a));
    }
}
