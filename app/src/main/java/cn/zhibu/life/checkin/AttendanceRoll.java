package cn.zhibu.life.checkin;

import java.util.List;

/**
 * A page of a meeting's roll. Whoever manages the meeting's organization gets every invitee and the totals; an invitee
 * who does not gets their own entry only and no totals (null).
 */
public record AttendanceRoll(CheckinMeeting meeting, boolean manages, AttendanceTotals totals, List<Attendance> entries,
                             RollFilter filter, long total, int page, int size) {

    public AttendanceRoll {
        entries = List.copyOf(entries);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
