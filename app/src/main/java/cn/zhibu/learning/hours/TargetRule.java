package cn.zhibu.learning.hours;

import cn.zhibu.learning.RoleChangeRule;
import cn.zhibu.organization.SeatPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

/**
 * RULES.md T1/T2 for a member whose role may change within the year, by {@link RoleChangeRule}: T1 for a member, T2
 * for a committee member (any seat on any committee), and for a year with both the configured rule. A seat still
 * held counts to 31 December: the current year's target is the one the member is held to if nothing changes.
 */
public final class TargetRule {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private TargetRule() {
    }

    /**
     * @param today the day the target is judged (YEAR_END reads the seat held on 31 December, or on this day for the
     *              current year)
     */
    public static YearTarget of(int year, StudyTarget member, StudyTarget leader, RoleChangeRule rule,
                                List<SeatPeriod> seats, LocalDate today) {
        int months = monthsHeld(year, seats);
        return switch (rule) {
            case YEAR_END -> {
                LocalDate yearEnd = LocalDate.of(year, 12, 31);
                LocalDate on = today.getYear() == year && today.isBefore(yearEnd) ? today : yearEnd;
                boolean held = seats.stream().anyMatch(s -> s.heldOn(on));
                yield whole(year, held, member, leader, rule, months);
            }
            case ANY_TIME -> whole(year, months > 0, member, leader, rule, months);
            case PRO_RATA -> {
                if (months == 0 || months == 12) {
                    yield whole(year, months == 12, member, leader, rule, months);
                }
                // T1 + (T2 − T1) × months / 12, rounded up to half a 学时; T2's concentrated training from half a year
                BigDecimal extra = leader.hours().subtract(member.hours()).multiply(BigDecimal.valueOf(months))
                        .divide(TWELVE, 6, RoundingMode.HALF_UP);
                BigDecimal hours = roundUpToHalf(member.hours().add(extra));
                int concentrated = months >= 6 ? leader.concentrated() : member.concentrated();
                yield new YearTarget(year, hours, concentrated, rule, months, false, member, leader);
            }
        };
    }

    private static YearTarget whole(int year, boolean asLeader, StudyTarget member, StudyTarget leader,
                                    RoleChangeRule rule, int months) {
        StudyTarget t = asLeader ? leader : member;
        return new YearTarget(year, t.hours(), t.concentrated(), rule, months, asLeader, member, leader);
    }

    /** Months of the year in which a seat was held on at least one day. */
    static int monthsHeld(int year, List<SeatPeriod> seats) {
        int count = 0;
        for (Month m : Month.values()) {
            LocalDate first = LocalDate.of(year, m, 1);
            LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
            boolean held = seats.stream().anyMatch(s -> !s.from().isAfter(last)
                    && (s.to() == null || s.to().isAfter(first)) && (s.to() == null || s.to().isAfter(s.from())));
            if (held) {
                count++;
            }
        }
        return count;
    }

    static BigDecimal roundUpToHalf(BigDecimal hours) {
        return hours.divide(HALF, 0, RoundingMode.CEILING).multiply(HALF).setScale(1, RoundingMode.UNNECESSARY);
    }
}
