package cn.zhibu.dues.internal;

import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * The ledger's side of the 党费 roll-up (V32 dues_rollup): what every payment, reversal and remittance adds, in 分 and
 * counts, for each organization from the row's own up to the root, in the writing transaction. The bills helper
 * adds DUE and BILLS the same way; all of them share the one table, its folder and its move listener.
 */
@Component
public class LedgerRollup {

    public static final String TABLE = "dues_rollup";
    public static final String DUE = "DUE";
    public static final String BILLS = "BILLS";
    public static final String PAID = "PAID";
    public static final String BILLS_PAID = "BILLS_PAID";
    public static final String EXTRA = "EXTRA";
    public static final String REMITTED = "REMITTED";

    private final MonthlyRollup rollup;

    LedgerRollup(JdbcClient jdbc) {
        this.rollup = new MonthlyRollup(jdbc, TABLE);
    }

    /** The organizations a row of this path counts at: its own and every one above it. */
    public static List<Long> ancestors(String orgPath) {
        return new TreePath(orgPath).ids();
    }

    /** Money in 分 (amounts are numeric(12,2) 元, exact). */
    public static long cents(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    public void apply(MonthlyRollup.Delta delta) {
        rollup.apply(delta);
    }

    public int fold() {
        return rollup.fold();
    }

    public void shiftSubtree(long subtreeRootId, List<Long> oldAncestors, List<Long> newAncestors) {
        rollup.shiftSubtree(subtreeRootId, oldAncestors, newAncestors);
    }

    public List<MonthlyRollup.Row> read(Collection<Long> orgIds, Collection<String> metrics, YearMonth from,
                                        YearMonth to) {
        return rollup.read(orgIds, metrics, from, to);
    }
}
