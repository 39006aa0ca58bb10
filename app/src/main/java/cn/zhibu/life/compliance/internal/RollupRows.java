package cn.zhibu.life.compliance.internal;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Roll-up rows read for some organizations: per organization and metric, n by month (folded and pending summed).
 * A {@code REQ:} series is read as a running sum: the organizations owing that month.
 */
public final class RollupRows {

    private final Map<Long, Map<String, TreeMap<YearMonth, Integer>>> rows = new HashMap<>();

    void add(cn.zhibu.platform.MonthlyRollup.Row row) {
        add(row.orgId(), row.metric(), row.month(), Math.toIntExact(row.n()));
    }

    void add(long orgId, String metric, YearMonth month, int n) {
        rows.computeIfAbsent(orgId, k -> new HashMap<>()).computeIfAbsent(metric, k -> new TreeMap<>())
                .merge(month, n, Integer::sum);
    }

    /** The metric's value for the month. */
    public int value(long orgId, String metric, YearMonth month) {
        TreeMap<YearMonth, Integer> byMonth = byMonth(orgId, metric);
        return byMonth == null ? 0 : byMonth.getOrDefault(month, 0);
    }

    /** A series summed up to and including the month. */
    public int running(long orgId, String metric, YearMonth month) {
        TreeMap<YearMonth, Integer> byMonth = byMonth(orgId, metric);
        if (byMonth == null) {
            return 0;
        }
        int sum = 0;
        for (int n : byMonth.headMap(month, true).values()) {
            sum += n;
        }
        return sum;
    }

    private TreeMap<YearMonth, Integer> byMonth(long orgId, String metric) {
        Map<String, TreeMap<YearMonth, Integer>> of = rows.get(orgId);
        return of == null ? null : of.get(metric);
    }
}
