package cn.zhibu.learning.classes;

import cn.zhibu.learning.LearningSettings;

import java.math.BigDecimal;

/**
 * A member's outcome of a class (RULES.md T2): completed when the hours missed are at most the configured share
 * (default 1/7) of the class's hours — judged exactly, {@code missed × d ≤ total × n}, so 4 of 28 hours missed
 * completes and 4.01 does not.
 *
 * @param attended the hours attended, unrounded
 */
public record ClassOutcome(BigDecimal total, BigDecimal attended, boolean completed) {

    public static ClassOutcome judge(BigDecimal total, BigDecimal attended, LearningSettings settings) {
        if (total.signum() <= 0) {
            return new ClassOutcome(total, BigDecimal.ZERO, false);
        }
        BigDecimal missed = total.subtract(attended).max(BigDecimal.ZERO);
        boolean completed = missed.multiply(BigDecimal.valueOf(settings.classAbsenceDenominator()))
                .compareTo(total.multiply(BigDecimal.valueOf(settings.classAbsenceNumerator()))) <= 0;
        return new ClassOutcome(total, attended.min(total), completed);
    }

    /** What is credited: the class's hours when completed, else the hours attended (2 decimals, rounded down). */
    public BigDecimal creditedHours() {
        return completed ? total : SessionHours.credited(attended);
    }

    public BigDecimal missed() {
        return total.subtract(attended).max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.UP);
    }
}
