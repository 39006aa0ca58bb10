package cn.zhibu.learning.classes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** The 学时 of a session by the counting practice, and the share of them a member attended. */
public final class SessionHours {

    private SessionHours() {
    }

    /** A day, half a day, or the whole hours of a shorter session (rounded half up, at least 1). */
    public static BigDecimal practice(Duration length, ClassSettings settings) {
        long minutes = length.toMinutes();
        if (minutes >= settings.dayMinutes()) {
            return settings.dayHours();
        }
        if (minutes >= settings.halfDayMinutes()) {
            return settings.halfDayHours();
        }
        return BigDecimal.valueOf(Math.max(1, Math.round(minutes / 60.0)));
    }

    /**
     * The hours a member attended: none without both a check-in and a check-out; else the session's hours times the
     * share of its time between them (so a full attendance is exactly the session's hours, a partial one
     * proportionally less, never more).
     */
    public static BigDecimal attended(ClassSession session, Instant in, Instant out) {
        if (in == null || out == null) {
            return BigDecimal.ZERO;
        }
        Instant from = in.isAfter(session.startsAt()) ? in : session.startsAt();
        Instant to = out.isBefore(session.endsAt()) ? out : session.endsAt();
        if (!to.isAfter(from)) {
            return BigDecimal.ZERO;
        }
        long present = Duration.between(from, to).toSeconds();
        long length = Duration.between(session.startsAt(), session.endsAt()).toSeconds();
        return session.hours().multiply(BigDecimal.valueOf(present))
                .divide(BigDecimal.valueOf(length), MathContext.DECIMAL128);
    }

    /** Hours as credited and shown: 2 decimals, rounded down (never more than attended). */
    public static BigDecimal credited(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.DOWN);
    }
}
