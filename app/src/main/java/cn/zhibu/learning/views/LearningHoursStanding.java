package cn.zhibu.learning.views;

import java.math.BigDecimal;

/**
 * A member's 学时 of a year against the target (T1/T2, RULES.md §7): from their {@code study_year} row, or nothing
 * studied and the T1 target of the year's plan when they have none. {@code paceHours} is the share of the target due
 * by today (the whole target for a past year); {@code left} what remains to the target (never below 0).
 */
public record LearningHoursStanding(int year, BigDecimal hours, BigDecimal target, int concentrated,
                                    int concentratedNeeded, boolean met, BigDecimal paceHours) {

    public BigDecimal left() {
        BigDecimal left = target.subtract(hours);
        return left.signum() < 0 ? BigDecimal.ZERO.setScale(2) : left.setScale(2);
    }

    /** Studied at least as much as the share of the year gone by asks. */
    public boolean onPace() {
        return met || hours.compareTo(paceHours) >= 0;
    }

    /** Percent of the target reached, at most 100. */
    public int percent() {
        if (target.signum() == 0) {
            return 100;
        }
        return Math.min(100, hours.multiply(BigDecimal.valueOf(100)).divide(target, 0, java.math.RoundingMode.DOWN)
                .intValue());
    }
}
