package cn.zhibu.life.compliance;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Which periods an organization founded or dissolved within them must answer for. A period is due when the
 * organization existed on its last day and for at least {@value #MIN_DAYS} days of it: a branch founded on the 20th
 * owes nothing for that month (12 days at most) but owes the quarter if it was founded 15 days or more before the
 * quarter ends; a branch dissolved within a period owes nothing for it. An organization exists from the day it was
 * founded up to the day before it is dissolved. Because the rule only looks at the period's last day, the months in
 * which it holds are one unbroken range, the same for months, quarters and years.
 */
public final class Proration {

    /** Days of a period an organization must have existed for to owe it (counting the founding day). */
    public static final int MIN_DAYS = 15;
    /** Compliance is counted from this month on; an organization founded earlier owes every period since. */
    public static final YearMonth TRACKED_FROM = YearMonth.of(2020, 1);

    private Proration() {
    }

    /** The first month whose periods ending in it are due: the month of the 15th day of existence. */
    public static YearMonth firstDueMonth(LocalDate founded) {
        if (founded == null) {
            return TRACKED_FROM;
        }
        YearMonth month = YearMonth.from(founded.plusDays(MIN_DAYS - 1L));
        return month.isBefore(TRACKED_FROM) ? TRACKED_FROM : month;
    }

    /** The first month no longer due: the month it was dissolved in (it did not exist on that month's last day). */
    public static YearMonth firstMonthNotDue(LocalDate dissolved) {
        return dissolved == null ? null : YearMonth.from(dissolved);
    }
}
