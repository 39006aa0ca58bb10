package cn.zhibu.life.checkin;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One invitee of a meeting: check-in and check-out (by their own scan, or by hand with who and why), approved leave,
 * and 补课 — which is recorded apart and never counts as attendance.
 *
 * @param checkedInBy  null when the member scanned; else who checked them in by hand ({@code checkedInReason} why)
 * @param checkedOutBy the same for check-out
 */
public record Attendance(long meetingId, long memberId, String memberName, boolean voting, boolean onLeave,
                         Instant checkedInAt, String checkedInBy, String checkedInReason,
                         Instant checkedOutAt, String checkedOutBy, String checkedOutReason,
                         LocalDate makeupOn, String makeupNote, String makeupBy) {

    @JsonProperty("state")
    public AttendanceState state() {
        if (checkedOutAt != null) {
            return AttendanceState.LEFT;
        }
        if (checkedInAt != null) {
            return AttendanceState.PRESENT;
        }
        return onLeave ? AttendanceState.ON_LEAVE : AttendanceState.ABSENT;
    }

    @JsonProperty("stateLabel")
    public String stateLabel() {
        return state().label();
    }

    public boolean checkedIn() {
        return checkedInAt != null;
    }

    public boolean checkedOut() {
        return checkedOutAt != null;
    }

    public boolean checkedInByHand() {
        return checkedInBy != null;
    }

    public boolean checkedOutByHand() {
        return checkedOutBy != null;
    }

    public boolean madeUp() {
        return makeupOn != null;
    }

    /** Minutes between check-in and check-out (what study hours may credit later); null until both exist. */
    @JsonProperty("minutesPresent")
    public Long minutesPresent() {
        return checkedInAt == null || checkedOutAt == null ? null
                : Duration.between(checkedInAt, checkedOutAt).toMinutes();
    }

    public String checkedInText() {
        return CheckinTimes.time(checkedInAt);
    }

    public String checkedOutText() {
        return CheckinTimes.time(checkedOutAt);
    }

    /** This row after the member's own check-in at that time. */
    Attendance scannedIn(Instant at) {
        return new Attendance(meetingId, memberId, memberName, voting, onLeave, at, null, null, checkedOutAt,
                checkedOutBy, checkedOutReason, makeupOn, makeupNote, makeupBy);
    }

    /** This row after the member's own check-out at that time. */
    Attendance scannedOut(Instant at) {
        return new Attendance(meetingId, memberId, memberName, voting, onLeave, checkedInAt, checkedInBy,
                checkedInReason, at, null, null, makeupOn, makeupNote, makeupBy);
    }

    /** The subject of this invitee's audit entries. */
    String entityId() {
        return entityId(meetingId, memberId);
    }

    static String entityId(long meetingId, long memberId) {
        return meetingId + ":" + memberId;
    }
}
