package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesBillsMade;
import cn.zhibu.dues.DuesPaid;
import cn.zhibu.platform.TreePath;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;


/**
 * Keeps the F8 fact exact inside the writer's transaction (a plain {@code @EventListener}, not an after-commit one:
 * a payment and the arrears it ends commit together, and a failed recount rolls the payment back instead of leaving
 * a secretary's list wrong): bills made for a subtree recount it; a payment or reversal recounts its member. A move is
 * {@link DuesOrganizationListener}'s.
 */
@Component
class ArrearsListener {

    private final ArrearsCounter counter;
    private final ArrearsBacklog backlog;

    ArrearsListener(ArrearsCounter counter, ArrearsBacklog backlog) {
        this.counter = counter;
        this.backlog = backlog;
    }

    /**
     * A branch's or a county's bills are recounted at once; a run larger than {@link ArrearsBacklog#AT_ONCE} bills
     * (a city, a province) is queued and recounted in slices right after, so the bill run stays one short statement
     * and no payment waits minutes on a province's recount.
     */
    @EventListener
    void on(DuesBillsMade made) {
        if (made.bills() <= ArrearsBacklog.AT_ONCE) {
            counter.recountSubtree(new TreePath(made.orgPath()));
        } else {
            backlog.request(new TreePath(made.orgPath()));
        }
    }

    @EventListener
    void on(DuesPaid paid) {
        counter.recountMember(paid.memberId());
    }

}
