package cn.zhibu.learning.hours;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's study year as the member reads it (RULES.md T1, T2): 学时 by source, each credit, the target with how it
 * was reached and its source, whether it is met, or how many 学时 and concentrated trainings are left.
 */
public record HoursYear(long memberId, String memberName, String orgName, int year, BigDecimal hours,
                        List<SourceHours> bySource, List<CreditLine> credits, int concentrated,
                        BigDecimal targetHours, int concentratedNeeded, String targetBasis, String targetSource,
                        boolean met, BigDecimal hoursLeft, int concentratedLeft) {
}
