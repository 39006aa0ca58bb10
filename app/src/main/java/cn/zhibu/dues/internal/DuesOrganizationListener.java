package cn.zhibu.dues.internal;

import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps every 党费 table in step with the tree, inside the organization's transaction (the one listener of the
 * module): a moved subtree's roll-up counts leave the old ancestors and join the new ones, and the rows of the
 * subtree — bases, reliefs, bills, bill runs, ledger entries, arrears — take the new path (and root). V34's trigger lets a
 * ledger entry change only these two columns.
 */
@Component
class DuesOrganizationListener {

    /** Tables with an org_path; the second list also carries root_id. */
    private static final List<String> PATHS = List.of("dues_base", "dues_relief", "dues_bill_run");
    private static final List<String> PATHS_AND_ROOTS = List.of("dues_bill", "dues_entry", "dues_arrears");

    private final JdbcClient jdbc;
    private final LedgerRollup rollup;
    private final ArrearsRollup arrears;

    DuesOrganizationListener(JdbcClient jdbc, LedgerRollup rollup, ArrearsRollup arrears) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.arrears = arrears;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        rollup.shiftSubtree(moved.orgId(), above(moved.oldPath()), above(moved.newPath()));
        arrears.shiftSubtree(moved.orgId(), above(moved.oldPath()), above(moved.newPath()));
        for (String table : PATHS) {
            SubtreeRewrite.rewrite(jdbc, table, moved.oldPath(), moved.newPath(), null);
        }
        for (String table : PATHS_AND_ROOTS) {
            SubtreeRewrite.rewrite(jdbc, table, moved.oldPath(), moved.newPath(), moved.newRootId());
        }
    }

    /** The organizations above the moved one (its own counts stay with it). */
    private static List<Long> above(TreePath path) {
        List<Long> ids = path.ids();
        return ids.subList(0, ids.size() - 1);
    }
}
