package cn.zhibu.dues.internal;

import cn.zhibu.platform.MonthlyRollup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of members in arrears by run length over each subtree ({@code dues_arrears_rollup}, written by
 * {@link ArrearsCounter}): a province root's counts in one index read instead of a scan of its members.
 */
@Component
public class ArrearsRollup {

    private final MonthlyRollup rollup;

    ArrearsRollup(JdbcClient jdbc) {
        this.rollup = new MonthlyRollup(jdbc, "dues_arrears_rollup");
    }

    /** Per organization, how many members have a run of exactly k months (index k, the last bucket: k or more). */
    public Map<Long, long[]> byLength(Collection<Long> orgIds) {
        Map<Long, long[]> counts = new HashMap<>();
        for (Long orgId : orgIds) {
            counts.put(orgId, new long[ArrearsCounter.LONGEST_BUCKET + 1]);
        }
        for (MonthlyRollup.Row row : rollup.read(orgIds, null, ArrearsCounter.STANDING, ArrearsCounter.STANDING)) {
            int length = Integer.parseInt(row.metric().substring("RUN_".length()));
            counts.get(row.orgId())[Math.min(length, ArrearsCounter.LONGEST_BUCKET)] += row.n();
        }
        return counts;
    }

    /** How many have a run of at least {@code months}. */
    public static long atLeast(long[] byLength, int months) {
        long n = 0;
        for (int k = Math.max(1, Math.min(months, ArrearsCounter.LONGEST_BUCKET)); k < byLength.length; k++) {
            n += byLength[k];
        }
        return n;
    }

    public int fold() {
        return rollup.fold();
    }

    void shiftSubtree(long orgId, List<Long> oldAncestors, List<Long> newAncestors) {
        rollup.shiftSubtree(orgId, oldAncestors, newAncestors);
    }
}
