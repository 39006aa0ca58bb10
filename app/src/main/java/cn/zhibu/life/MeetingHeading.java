package cn.zhibu.life;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The meeting a record is of, as the record heads it: who held it, what kinds it counts for, when and where, and
 * where its record stands.
 *
 * @param heldOn      the day held (compliance counts the meeting in this day's periods)
 * @param late        recorded as 补录, after the on-time window ({@link LateRecording})
 * @param recordedAt  when the record was first saved (the meeting became HELD)
 */
public record MeetingHeading(long id, long orgId, String orgName, String orgPath, String title,
                             List<MeetingKind> kinds, String kindLabels, Instant startsAt, Instant endsAt,
                             LocalDate heldOn, String place, MeetingStatus status, String statusLabel, boolean late,
                             String lateReason, Instant recordedAt, Instant confirmedAt, String confirmedBy) {

    public MeetingHeading {
        kinds = List.copyOf(kinds);
    }

    public boolean recorded() {
        return status.held();
    }

    public boolean confirmed() {
        return status == MeetingStatus.CONFIRMED;
    }
}
