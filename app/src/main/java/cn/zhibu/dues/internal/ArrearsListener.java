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
 * a secretary's list wrong): bills made for a subtree recount it; a payment or reversal recounts its member. A move is
 * {@link DuesOrganizationListener}'s.
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

}
