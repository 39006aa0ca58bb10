package cn.zhibu.dues.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Bases, reliefs, bills and bill runs carry their organization's path: a move rewrites them in its transaction. */
@Component
class BillsOrganizationListener {

    private final BaseRows bases;
    private final ReliefRows reliefs;
    private final BillRows bills;

    BillsOrganizationListener(BaseRows bases, ReliefRows reliefs, BillRows bills) {
        this.bases = bases;
        this.reliefs = reliefs;
        this.bills = bills;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        bases.rewritePaths(moved.oldPath(), moved.newPath());
        reliefs.rewritePaths(moved.oldPath(), moved.newPath());
        bills.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
