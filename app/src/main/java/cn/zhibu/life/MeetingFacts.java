package cn.zhibu.life;

import java.time.LocalDate;
import java.util.Set;

/**
 * What compliance needs to know of a meeting, before and after each change: which organization held it, for which
 * kinds, on which day, whether it counts (held and recorded), how many were invited and attended, and whether it was
 * recorded late (补录).
 */
public record MeetingFacts(long meetingId, long orgId, String orgPath, Set<MeetingKind> kinds, LocalDate heldOn,
                           MeetingStatus status, int invited, int attended, boolean late) {

    public MeetingFacts {
        kinds = Set.copyOf(kinds);
    }

    public boolean counts() {
        return status.held();
    }
}
