package cn.zhibu.platform;

import cn.zhibu.platform.calendar.CalendarDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working days by the official holiday calendar (RULES.md, "Working days"): Monday to Friday, except the holidays,
 * plus the weekends worked instead (调休). The calendar is a few dozen rows a year, held in memory. An edit made on
 * this node is seen at once (the editor forgets the copy when its transaction commits); other nodes re-read the
 * table after {@code zhibu.calendar.cache-seconds}.
 */
@Component
public class WorkingDays {

    private final CalendarDays days;
    private final long maxAgeNanos;
    private volatile Snapshot snapshot;

    WorkingDays(CalendarDays days, @Value("${zhibu.calendar.cache-seconds:60}") int cacheSeconds) {
        this.days = days;
        this.maxAgeNanos = cacheSeconds * 1_000_000_000L;
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar().isWorkingDay(day);
    }

    /**
     * The last day of a period of {@code workingDays} working days starting on {@code startsOn}: the first working
     * days on or after {@code startsOn} are counted, and the date of the last one is returned. A period that starts
     * on a holiday or a weekend starts counting at the next working day.
     */
    public LocalDate lastDayOfPeriod(LocalDate startsOn, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a period has at least one working day: " + workingDays);
        }
        Snapshot calendar = calendar();
        LocalDate day = startsOn;
        int counted = 0;
        while (true) {
            if (calendar.isWorkingDay(day) && ++counted == workingDays) {
                return day;
            }
            day = day.plusDays(1);
        }
    }

    /** Working days from {@code fromInclusive} to {@code toInclusive}; 0 when the range is empty. */
    public int workingDaysBetween(LocalDate fromInclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromInclusive)) {
            return 0;
        }
        long weekdays = weekdaysBetween(fromInclusive, toInclusive);
        for (CalendarDay d : calendar().days.subMap(fromInclusive, true, toInclusive, true).values()) {
            boolean weekend = CalendarDay.isWeekend(d.day());
            if (d.kind() == CalendarDayKind.HOLIDAY && !weekend) {
                weekdays--;
            } else if (d.kind() == CalendarDayKind.WORKDAY && weekend) {
                weekdays++;
            }
        }
        return Math.toIntExact(weekdays);
    }

    /** The calendar's entry for this day, if it is an exception (a holiday, or a weekend worked). */
    public Optional<CalendarDay> exceptionOn(LocalDate day) {
        return Optional.ofNullable(calendar().days.get(day));
    }

    /**
     * Whether the year's holiday arrangement has been entered. Without it, working days of that year are simply
     * Monday to Friday: say so wherever a period reaches into such a year.
     */
    public boolean knowsYear(int year) {
        return calendar().years.contains(year);
    }

    /** Drops the in-memory copy; the next question reads the table again. */
    void forget() {
        snapshot = null;
    }

    /** Monday to Friday in the range (both ends included), by arithmetic rather than by walking the days. */
    static long weekdaysBetween(LocalDate from, LocalDate to) {
        long total = ChronoUnit.DAYS.between(from, to) + 1;
        long weekdays = total / 7 * 5;
        LocalDate day = from.plusDays(total / 7 * 7);
        while (!day.isAfter(to)) {
            if (!CalendarDay.isWeekend(day)) {
                weekdays++;
            }
            day = day.plusDays(1);
        }
        return weekdays;
    }

    private Snapshot calendar() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt > maxAgeNanos) {
            synchronized (this) {
                current = snapshot;
                if (current == null || System.nanoTime() - current.loadedAt > maxAgeNanos) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot load() {
        NavigableMap<LocalDate, CalendarDay> all = new TreeMap<>();
        Set<Integer> years = new HashSet<>();
        for (CalendarDay d : days.all()) {
            all.put(d.day(), d);
            years.add(d.day().getYear());
        }
        return new Snapshot(Collections.unmodifiableNavigableMap(all), Set.copyOf(years), System.nanoTime());
    }

    private record Snapshot(NavigableMap<LocalDate, CalendarDay> days, Set<Integer> years, long loadedAt) {

        boolean isWorkingDay(LocalDate day) {
            CalendarDay exception = days.get(day);
            return exception != null ? exception.kind() == CalendarDayKind.WORKDAY : !CalendarDay.isWeekend(day);
        }
    }
}
