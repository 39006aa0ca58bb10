package cn.zhibu.life;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting as a caller sees it: who holds it, the kinds it counts for (once each), when and where, and where it
 * stands. Times are local times of the server's zone (北京时间 in a Chinese installation).
 *
 * @param kinds       in the order of {@link MeetingKind}
 * @param heldOn      the day of {@code startsAt}: the day compliance counts the meeting on
 * @param onlineLink  a link to join online, or null; at least one of {@code place} and {@code onlineLink} is set
 * @param speakerMemberId the member who lectures (党课, B9), when on the roster
 * @param speakerName who lectures: the member's name, or a name typed in
 * @param counts      how many were invited, confirmed, asked leave, attended
 */
public record Meeting(long id, long orgId, String orgName, String orgPath, String title, List<MeetingKind> kinds,
                      LocalDateTime startsAt, LocalDateTime endsAt, LocalDate heldOn, String place, String onlineLink,
                      String agenda, Long speakerMemberId, String speakerName, MeetingStatus status, boolean late,
                      String lateReason, String cancelledReason, String createdBy, Instant createdAt,
                      Instant recordedAt, Instant confirmedAt, String confirmedBy, int version, Counts counts) {

    public Meeting {
        kinds = List.copyOf(kinds);
    }

    /**
     * @param leaveRequested leave asked and not yet decided
     * @param onLeave        leave approved
     */
    public record Counts(int invited, int confirmed, int leaveRequested, int onLeave, int attended) {
    }

    public boolean planned() {
        return status == MeetingStatus.PLANNED;
    }

    /** The meeting has ended by {@code now} (whether or not it was recorded). */
    public boolean endedBy(LocalDateTime now) {
        return !endsAt.isAfter(now);
    }

    public boolean has(MeetingKind kind) {
        return kinds.contains(kind);
    }

    /** The kinds in Chinese, joined: "支部党员大会、党课". */
    public String kindLabels() {
        return String.join("、", kinds.stream().map(MeetingKind::label).toList());
    }

    public String statusLabel() {
        return status.label();
    }
}
