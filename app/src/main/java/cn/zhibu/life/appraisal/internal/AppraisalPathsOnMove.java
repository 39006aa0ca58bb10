package cn.zhibu.life.appraisal.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Appraisals carry their branch's path: a move rewrites them inside the move's transaction. */
@Component
class AppraisalPathsOnMove {

    private final AppraisalRecords records;

    AppraisalPathsOnMove(AppraisalRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
