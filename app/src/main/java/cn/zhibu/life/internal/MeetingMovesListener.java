package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingChanges;
import cn.zhibu.life.MeetingFacts;
import cn.zhibu.organization.OrganizationMoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meetings carry their organization's path: a move rewrites them inside the move's transaction, and compliance is told
 * of each meeting that counts (held and recorded), one call per meeting with the path before and after — its
 * roll-ups per organization and period then move with the subtree. Planned and cancelled meetings count for nothing.
 */
@Component
class MeetingMovesListener {

    private final MeetingRecords records;
    private final MeetingChanges changes;

    MeetingMovesListener(MeetingRecords records, MeetingChanges changes) {
        this.records = records;
        this.changes = changes;
    }

    @EventListener
    void on(OrganizationMoved moved) {
        List<MeetingFacts> before = records.countedFacts(moved.oldPath());
        records.rewritePaths(moved.oldPath(), moved.newPath(), moved.newRootId());
        if (before.isEmpty()) {
            return;
        }
        Map<Long, MeetingFacts> after = records.countedFacts(moved.newPath()).stream()
                .collect(Collectors.toMap(MeetingFacts::meetingId, Function.identity()));
        for (MeetingFacts b : before) {
            changes.announce(b, after.get(b.meetingId()));
        }
    }
}
