package cn.zhibu.life.compliance.internal;

import cn.zhibu.platform.MonthlyRollup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * The compliance roll-up of every organization over its subtree ({@link MonthlyRollup} on life_compliance_rollup):
 * every branch's meetings touch the province root's rows, so changes are appended as deltas and folded.
 */
@Component
public class ComplianceRollup {

    private final MonthlyRollup rollup;

    ComplianceRollup(JdbcClient jdbc) {
        this.rollup = new MonthlyRollup(jdbc, "life_compliance_rollup");
    }

    public void apply(MonthlyRollup.Delta delta) {
        rollup.apply(delta);
    }

    /** @return how many pending rows were folded */
    public int fold() {
        return rollup.fold();
    }

    /** A subtree moved: its counts (read at its root) leave the old ancestors and join the new ones. */
    public void shiftSubtree(long subtreeRootId, List<Long> oldAncestors, List<Long> newAncestors) {
        rollup.shiftSubtree(subtreeRootId, oldAncestors, newAncestors);
    }

    /**
     * The rows of some organizations: the {@code series} metrics up to and including {@code seriesUntil} (to be read
     * as running sums), and the other {@code metrics} from {@code from} to {@code to}, both months included.
     */
    public RollupRows read(Collection<Long> orgIds, Collection<String> series, YearMonth seriesUntil,
                           Collection<String> metrics, YearMonth from, YearMonth to) {
        RollupRows rows = new RollupRows();
        rollup.read(orgIds, series, null, seriesUntil).forEach(rows::add);
        rollup.read(orgIds, metrics, from, to).forEach(rows::add);
        return rows;
    }
}
