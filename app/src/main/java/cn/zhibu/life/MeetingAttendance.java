package cn.zhibu.life;

import java.time.LocalDate;
import java.util.Set;

/**
 * One invitee's attendance of a meeting, as crediting 学时 needs it (RULES.md §7): the meeting (organization, kinds,
 * title, day), whether it was held and recorded, and the minutes between the member's check-in and check-out (null
 * without both), never more than the meeting's planned length ({@code meetingMinutes}).
 */
public record MeetingAttendance(long meetingId, long orgId, String title, Set<MeetingKind> kinds, LocalDate heldOn,
                                boolean held, long memberId, Long minutesPresent, long meetingMinutes) {

    public MeetingAttendance {
        kinds = Set.copyOf(kinds);
    }

    /** Held, and the member checked in and out. */
    public boolean attendedWithCheckout() {
        return held && minutesPresent != null && minutesPresent > 0;
    }
}
