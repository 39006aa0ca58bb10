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
 * module): a moved subtree's roll-up counts leave the old ancestors and join the new ones, and its reliefs and bill
 * runs (few rows) take the new path. Bills, bases, ledger entries and arrears carry no path (V51): they name their
 * organization, which keeps its id, so a move rewrites none of them — only their root_id when the subtree moved to
 * another root (V51's trigger lets a ledger entry change that column alone).
 */
@Component
class DuesOrganizationListener {

    /** Tables that copy their organization's path. */
    private static final List<String> PATHS = List.of("dues_relief", "dues_bill_run");
    /** Tables that name their organization and its root, without a path. */
    private static final List<String> ROOTS = List.of("dues_bill", "dues_entry", "dues_arrears");

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
        // within the same root (the usual move) not even a look at the subtree's bills
        if (moved.changesRoot()) {
            for (String table : ROOTS) {
                SubtreeRewrite.reroot(jdbc, table, moved.newPath(), moved.newRootId());
            }
        }
    }

    /** The organizations above the moved one (its own counts stay with it). */
    private static List<Long> above(TreePath path) {
        List<Long> ids = path.ids();
        return ids.subList(0, ids.size() - 1);
    }
}
