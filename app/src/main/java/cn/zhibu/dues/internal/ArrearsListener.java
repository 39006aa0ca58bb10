package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesBillsMade;
import cn.zhibu.dues.DuesPaid;
import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.TreePath;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the F8 fact exact inside the writer's transaction (a plain {@code @EventListener}, not an after-commit one:
 * a payment and the arrears it ends commit together, and a failed recount rolls the payment back instead of leaving
 * a secretary's list wrong): bills made for a subtree recount it; a payment or reversal recounts its member; a moved
 * organization carries its members' facts and counts to the new ancestors.
 */
@Component
class ArrearsListener {

    private final ArrearsCounter counter;
    private final ArrearsRollup rollup;
    private final JdbcClient jdbc;

    ArrearsListener(ArrearsCounter counter, ArrearsRollup rollup, JdbcClient jdbc) {
        this.counter = counter;
        this.rollup = rollup;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DuesBillsMade made) {
        counter.recountSubtree(new TreePath(made.orgPath()));
    }

    @EventListener
    void on(DuesPaid paid) {
        counter.recountMember(paid.memberId());
    }

    @EventListener
    void on(OrganizationMoved moved) {
        List<Long> oldIds = moved.oldPath().ids();
        List<Long> newIds = moved.newPath().ids();
        rollup.shiftSubtree(moved.orgId(), oldIds.subList(0, oldIds.size() - 1), newIds.subList(0, newIds.size() - 1));
        jdbc.sql("update dues_arrears set org_path = ? || substr(org_path, ?), root_id = ?"
                        + " where org_path >= ? and org_path < ?")
                .params(moved.newPath().value(), moved.oldPath().value().length() + 1, moved.newRootId(),
                        moved.oldPath().value(), moved.oldPath().upperBound())
                .update();
    }
}
