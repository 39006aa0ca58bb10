package cn.zhibu.life.compliance.internal;

import cn.zhibu.organization.OrganizationChanged;
import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps compliance in step with the tree, inside the organization's transaction: a move carries the subtree's
 * profiles, exemptions and roll-up counts to the new ancestors; any other change (founded, dissolved, a committee of
 * three or more registered or gone) may change what the organization owes.
 */
@Component
class ComplianceOrganizationListener {

    private final ComplianceBookkeeping bookkeeping;
    private final ComplianceRecords records;
    private final ComplianceRollup rollup;

    ComplianceOrganizationListener(ComplianceBookkeeping bookkeeping, ComplianceRecords records, ComplianceRollup rollup) {
        this.bookkeeping = bookkeeping;
        this.records = records;
        this.rollup = rollup;
    }

    @EventListener
    void on(OrganizationChanged changed) {
        bookkeeping.organizationChanged(changed.orgId());
    }

    @EventListener
    void on(OrganizationMoved moved) {
        rollup.shiftSubtree(moved.orgId(), above(moved.oldPath().ids()), above(moved.newPath().ids()));
        records.rewritePaths(moved.oldPath(), moved.newPath());
    }

    /** The organizations above the moved one. */
    private static List<Long> above(List<Long> path) {
        return path.subList(0, path.size() - 1);
    }
}
