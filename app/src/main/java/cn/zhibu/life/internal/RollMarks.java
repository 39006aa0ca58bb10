package cn.zhibu.life.internal;

import cn.zhibu.life.Presence;
import cn.zhibu.life.RollEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The roll as the record says it was: those listed present who had not checked in are marked present (as from the
 * start); those marked by hand and no longer listed are taken off. A member's own scan is never taken off here.
 */
@Component
public class RollMarks {

    private final RollRows rows;

    RollMarks(RollRows rows) {
        this.rows = rows;
    }

    public void apply(long meetingId, List<RollEntry> roll, Set<Long> present, Instant startsAt, String by) {
        rows.markPresent(meetingId, roll.stream().filter(r -> !r.present() && present.contains(r.memberId()))
                .map(RollEntry::memberId).toList(), startsAt, by);
        rows.unmark(meetingId, roll.stream().filter(r -> r.presence() == Presence.MARKED
                && !present.contains(r.memberId())).map(RollEntry::memberId).toList());
    }
}
