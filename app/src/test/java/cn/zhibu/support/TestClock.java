package cn.zhibu.support;

import cn.zhibu.platform.PlatformClock;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: the system clock moved by an offset a test sets ({@link #advance}); tests that
 * move it call {@link #reset} afterwards (the context, and so this clock, is shared by all integration tests).
 */
@Component
@Profile("test")
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile Instant frozenAt;

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /**
     * Stops the clock where it is: from now on only {@link #advance} moves it — for a test whose assertion must not
     * depend on how long a loaded machine takes to run it.
     */
    public void freeze() {
        frozenAt = Instant.now();
    }

    /**
     * When Beijing's midnight is less than {@code margin} away, moves the clock just past it: for a test that moves
     * the clock on by minutes and counts by the day (a study day's cap, a credit's date), which would otherwise fail
     * when run just before midnight.
     */
    public void clearOfMidnight(Duration margin) {
        Duration left = untilMidnight();
        if (left.compareTo(margin) < 0) {
            advance(left.plusMinutes(1));
        }
    }

    /** How long this clock has until the next midnight in Beijing. */
    public Duration untilMidnight() {
        ZonedDateTime now = ZonedDateTime.now(this);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(PlatformClock.ZONE));
    }

    public void reset() {
        offset.set(Duration.ZERO);
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : Instant.now()).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return PlatformClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock keeps China Standard Time");
    }
}
