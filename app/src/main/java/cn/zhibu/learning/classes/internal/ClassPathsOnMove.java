package cn.zhibu.learning.classes.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Classes carry organization paths: a move rewrites them inside the move's transaction (not enrolments, V52). */
@Component
class ClassPathsOnMove {

    private final ClassRecords records;

    ClassPathsOnMove(ClassRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
