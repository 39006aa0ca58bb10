package cn.zhibu.life;

import cn.zhibu.life.internal.AttendanceRows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link AttendanceListener} of attendance as it now stands, inside the writing transaction, the way
 * {@link MeetingChanges} tells compliance: a check-in or check-out tells of one invitee, the record's saving or
 * amendment of every invitee. No listener: nothing is read.
 */
@Component
public class AttendanceChanges {

    private final AttendanceRows rows;
    private final ObjectProvider<AttendanceListener> listeners;

    AttendanceChanges(AttendanceRows rows, ObjectProvider<AttendanceListener> listeners) {
        this.rows = rows;
        this.listeners = listeners;
    }

    /** One invitee's attendance changed (a check-in or check-out). */
    public void member(long meetingId, long memberId) {
        if (listeners.stream().findAny().isEmpty()) {
            return;
        }
        rows.of(meetingId, memberId).forEach(this::tell);
    }

    /** The meeting changed (recorded, amended): every invitee. */
    public void meeting(long meetingId) {
        if (listeners.stream().findAny().isEmpty()) {
            return;
        }
        rows.of(meetingId, null).forEach(this::tell);
    }

    private void tell(MeetingAttendance attendance) {
        listeners.orderedStream().forEach(l -> l.attendance(attendance));
    }
}
