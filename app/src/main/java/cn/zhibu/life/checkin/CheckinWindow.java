package cn.zhibu.life.checkin;

import java.time.Duration;
import java.time.Instant;

/**
 * When scans of one purpose are taken, both ends included: check-in from {@code open-minutes-before} minutes before
 * the start until the end; check-out from the same opening until {@code checkout-minutes-after} minutes after the end.
 */
public record CheckinWindow(Instant opensAt, Instant closesAt) {

    public static CheckinWindow of(CheckinMeeting meeting, CheckinPurpose purpose, CheckinSettings settings) {
        Instant opens = meeting.startsAt().minus(Duration.ofMinutes(settings.openMinutesBefore()));
        Instant closes = purpose == CheckinPurpose.IN ? meeting.endsAt()
                : meeting.endsAt().plus(Duration.ofMinutes(settings.checkoutMinutesAfter()));
        return new CheckinWindow(opens, closes);
    }

    public boolean notYetOpen(Instant now) {
        return now.isBefore(opensAt);
    }

    public boolean closed(Instant now) {
        return now.isAfter(closesAt);
    }

    public boolean open(Instant now) {
        return !notYetOpen(now) && !closed(now);
    }
}
