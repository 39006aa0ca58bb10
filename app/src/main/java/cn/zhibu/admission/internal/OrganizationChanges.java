package cn.zhibu.admission.internal;

import cn.zhibu.organization.OrganizationDissolving;
import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.TreePath;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps cases with their branch when the tree changes, inside the organization's transaction. */
@Component
class OrganizationChanges {

    private final AdmissionRecords records;
    private final AdmissionRollup rollup;

    OrganizationChanges(AdmissionRecords records, AdmissionRollup rollup) {
        this.records = records;
        this.rollup = rollup;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        if (moved.changesRoot()) { // within the root a case names its branch and no case changes (V61)
            records.reroot(moved.newPath(), moved.newRootId());
        }
        rollup.shiftSubtree(moved.orgId(), ancestors(moved.oldPath()), ancestors(moved.newPath()));
    }

    /** The organizations above the moved one. */
    private static List<Long> ancestors(TreePath path) {
        List<Long> ids = path.ids();
        return ids.subList(0, ids.size() - 1);
    }

    @EventListener
    void on(OrganizationDissolving dissolving) {
        if (records.anyOpenIn(dissolving.path())) {
            throw InvalidInputException.of("", "该组织还有正在进行的发展党员工作，请先办结或转交后再撤销");
        }
    }
}
