package cn.zhibu.learning.points.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Organization schemes carry paths: a move rewrites them inside the move's transaction (not ledger rows, V52). */
@Component
class PointsPathsOnMove {

    private final PointsRecords records;

    PointsPathsOnMove(PointsRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath());
    }
}
