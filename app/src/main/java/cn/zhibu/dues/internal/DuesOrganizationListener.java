package cn.zhibu.dues.internal;

import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.TreePath;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps every 党费 table in step with the tree, inside the organization's transaction (the one listener of the
 * module): a moved subtree's roll-up counts leave the old ancestors and join the new ones, and the rows of the
 * subtree — bases, reliefs, bills, bill runs, ledger entries — take the new path (and root). V34's trigger lets a
 * ledger entry change only these two columns.
 */
@Component
class DuesOrganizationListener {

    /** Tables with an org_path; the second list also carries root_id. */
    private static final List<String> PATHS = List.of("dues_base", "dues_relief", "dues_bill_run");
    private static final List<String> PATHS_AND_ROOTS = List.of("dues_bill", "dues_entry");

    private final JdbcClient jdbc;
    private final LedgerRollup rollup;

    DuesOrganizationListener(JdbcClient jdbc, LedgerRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        rollup.shiftSubtree(moved.orgId(), above(moved.oldPath()), above(moved.newPath()));
        for (String table : PATHS) {
            rewrite(table, "", moved.oldPath(), moved.newPath(), null);
        }
        for (String table : PATHS_AND_ROOTS) {
            rewrite(table, ", root_id = :root", moved.oldPath(), moved.newPath(), moved.newRootId());
        }
    }

    private void rewrite(String table, String alsoSet, TreePath oldPath, TreePath newPath, Long rootId) {
        var sql = jdbc.sql("update " + table + " set org_path = :new || substr(org_path, :cut)" + alsoSet
                        + " where org_path >= :lo and org_path < :hi")
                .param("new", newPath.value()).param("cut", oldPath.value().length() + 1)
                .param("lo", oldPath.value()).param("hi", oldPath.upperBound());
        (rootId == null ? sql : sql.param("root", rootId)).update();
    }

    /** The organizations above the moved one (its own counts stay with it). */
    private static List<Long> above(TreePath path) {
        List<Long> ids = path.ids();
        return ids.subList(0, ids.size() - 1);
    }
}
