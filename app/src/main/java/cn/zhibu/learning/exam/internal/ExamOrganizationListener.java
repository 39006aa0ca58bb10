package cn.zhibu.learning.exam.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Banks and exams carry organization paths: a move rewrites them inside the move's transaction. Attempts name their
 * organization only (V52): a move rewrites none.
 */
@Component
class ExamOrganizationListener {

    private final BankRecords banks;
    private final ExamRecords exams;

    ExamOrganizationListener(BankRecords banks, ExamRecords exams) {
        this.banks = banks;
        this.exams = exams;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        banks.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
        exams.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
