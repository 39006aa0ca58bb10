package cn.zhibu.learning.classes;

import cn.zhibu.platform.PlatformClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A session of a class.
 *
 * @param meetingId the life meeting it is held as (its check-in is read, not asked again); null when none
 */
public record ClassSession(long id, long classId, String title, Instant startsAt, Instant endsAt, BigDecimal hours,
                           Long meetingId) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(PlatformClock.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(PlatformClock.ZONE);

    public LocalDate day() {
        return startsAt.atZone(PlatformClock.ZONE).toLocalDate();
    }

    /** e.g. 2026-03-02 09:00—12:00 */
    public String whenText() {
        return DATE_TIME.format(startsAt) + "—" + TIME.format(endsAt);
    }

    static String time(Instant at) {
        return at == null ? null : DATE_TIME.format(at);
    }
}
