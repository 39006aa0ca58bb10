package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A meeting as the record reads it from {@code life_meeting} and its kinds. */
public record MeetingRow(long id, long orgId, String orgPath, String title, Instant startsAt, Instant endsAt,
                         LocalDate heldOn, String place, MeetingStatus status, boolean late, String lateReason,
                         Instant recordedAt, Instant confirmedAt, String confirmedBy, Set<MeetingKind> kinds) {

    public MeetingRow {
        kinds = Set.copyOf(kinds);
    }

    public boolean started(Instant now) {
        return !startsAt.isAfter(now);
    }
}
