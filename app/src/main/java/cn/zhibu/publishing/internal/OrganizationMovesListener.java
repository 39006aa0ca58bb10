package cn.zhibu.publishing.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** 公示 carry their organization's path: a move rewrites them inside the move's transaction. */
@Component
class OrganizationMovesListener {

    private final PublicityRecords records;

    OrganizationMovesListener(PublicityRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
