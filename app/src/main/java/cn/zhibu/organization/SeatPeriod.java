package cn.zhibu.organization;

import java.time.LocalDate;

/**
 * A member's seat on a committee over a stretch of days: from {@code from} (inclusive) to {@code to} (exclusive, the
 * day it ended), {@code to} null while it is held.
 */
public record SeatPeriod(long orgId, String orgName, String position, LocalDate from, LocalDate to) {

    /** Whether the seat was held on the day. */
    public boolean heldOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || day.isBefore(to));
    }
}
