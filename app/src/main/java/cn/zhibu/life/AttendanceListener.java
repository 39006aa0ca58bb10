package cn.zhibu.life;

/**
 * Told, inside the writing transaction, of each invitee's attendance after anything crediting reads may have changed:
 * a check-in or check-out (by scan or by hand), the record saved or amended (status HELD, kinds, day, who was
 * present). Learning credits 学时 of 党课 and organizational life from it. It is told the state as it now is, so it
 * may be told the same state twice.
 */
public interface AttendanceListener {

    void attendance(MeetingAttendance attendance);
}
