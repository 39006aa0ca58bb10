package cn.zhibu.admission.internal;

import cn.zhibu.organization.OrganizationDissolving;
import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps cases with their branch when the tree changes, inside the organization's transaction. */
@Component
class OrganizationChanges {

    private final AdmissionRecords records;

    OrganizationChanges(AdmissionRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }

    @EventListener
    void on(OrganizationDissolving dissolving) {
        if (records.anyOpenIn(dissolving.path())) {
            throw InvalidInputException.of("", "该组织还有正在进行的发展党员工作，请先办结或转交后再撤销");
        }
    }
}
