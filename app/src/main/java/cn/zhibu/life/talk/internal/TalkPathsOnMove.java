package cn.zhibu.life.talk.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Talks carry their branch's path: a move rewrites them inside the move's transaction. */
@Component
class TalkPathsOnMove {

    private final TalkRecords records;

    TalkPathsOnMove(TalkRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
