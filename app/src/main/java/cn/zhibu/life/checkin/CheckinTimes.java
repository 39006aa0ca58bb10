package cn.zhibu.life.checkin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as members read them, in the server's zone (the zone the meetings are held in). */
public final class CheckinTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CheckinTimes() {
    }

    public static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** {@code 14:05}. */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone()));
    }

    /** {@code 2026-11-20 14:05:07}, for the audit log; null for null. */
    public static String precise(Instant at) {
        return at == null ? null : PRECISE.format(at.atZone(zone()));
    }

    /** {@code 2026-11-20 14:05}. */
    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone()));
    }
}
