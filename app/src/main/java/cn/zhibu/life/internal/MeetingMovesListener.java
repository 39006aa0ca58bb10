package cn.zhibu.life.internal;

import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Meetings carry their organization's path: a move rewrites them inside the move's transaction. Nothing else of a
 * meeting changes — its organization, day, kinds and attendance stay — so the {@link cn.zhibu.life.MeetingChangeListener}s
 * are not told: compliance's roll-ups are kept per organization and move with the subtree by compliance's own
 * listener to the move. (Reading every held meeting's facts before and after, to announce 930 changes that change
 * nothing, was a fifth of a cold 4,516-member move.)
 */
@Component
class MeetingMovesListener {

    private final MeetingRecords records;

    MeetingMovesListener(MeetingRecords records) {
        this.records = records;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
    }
}
