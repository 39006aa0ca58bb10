package cn.zhibu.dues;

import java.time.YearMonth;

/**
 * A member's current run of consecutive unpaid months (F8), from {@code since} to {@code until}; {@code months} is 0
 * (and the months null) when there is none.
 */
public record ArrearsRun(long memberId, int months, YearMonth since, YearMonth until, ArrearsStage stage,
                         String explanation) {
}
