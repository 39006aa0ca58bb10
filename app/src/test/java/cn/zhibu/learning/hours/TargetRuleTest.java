package cn.zhibu.learning.hours;

import cn.zhibu.learning.RoleChangeRule;
import cn.zhibu.organization.SeatPeriod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md T1/T2 for a member whose role changes within the year, under each {@link RoleChangeRule}. */
class TargetRuleTest {

    private static final StudyTarget T1 = new StudyTarget("p", "MEMBER", new BigDecimal("32"), 0, "T1", "条例");
    private static final StudyTarget T2 = new StudyTarget("p", "LEADER", new BigDecimal("56"), 1, "T2", "规划");
    private static final LocalDate AFTER_YEAR = LocalDate.of(2026, 3, 1);

    private static List<SeatPeriod> seat(String from, String to) {
        return from.isEmpty() ? List.of() : List.of(new SeatPeriod(1, "党委", "MEMBER", LocalDate.parse(from),
                to.isEmpty() ? null : LocalDate.parse(to)));
    }

    @ParameterizedTest(name = "{0}: seat {1}..{2} → {3} 学时, {4} concentrated")
    @CsvSource({
            // no seat: T1; a whole year: T2, under every rule
            "PRO_RATA, '', '', 32.0, 0",
            "YEAR_END, '', '', 32, 0",
            "ANY_TIME, '', '', 32, 0",
            "PRO_RATA, 2024-06-01, '', 56, 1",
            "YEAR_END, 2024-06-01, '', 56, 1",
            // a seat from 1 July: six months → 32 + 24 × 6/12 = 44, and half a year asks for the concentrated training
            "PRO_RATA, 2025-07-01, '', 44.0, 1",
            "YEAR_END, 2025-07-01, '', 56, 1",
            "ANY_TIME, 2025-07-01, '', 56, 1",
            // a seat from 2 August: five months → 42, less than half a year: no concentrated training asked
            "PRO_RATA, 2025-08-02, '', 42.0, 0",
            // a seat ended on 1 July (held through 30 June): YEAR_END judges by 31 December → T1
            "PRO_RATA, 2024-01-01, 2025-07-01, 44.0, 1",
            "YEAR_END, 2024-01-01, 2025-07-01, 32, 0",
            "ANY_TIME, 2024-01-01, 2025-07-01, 56, 1",
            // one day on a committee: one month under PRO_RATA, a T2 year under ANY_TIME
            "PRO_RATA, 2025-12-31, '', 34.0, 0",
            "ANY_TIME, 2025-12-31, '', 56, 1",
            // a seat removed on the day it was added was never held
            "ANY_TIME, 2025-05-05, 2025-05-05, 32, 0"
    })
    void T2_role_change_within_the_year(RoleChangeRule rule, String from, String to, BigDecimal hours, int concentrated) {
        YearTarget t = TargetRule.of(2025, T1, T2, rule, seat(from, to), AFTER_YEAR);
        assertThat(t.hours()).isEqualByComparingTo(hours);
        assertThat(t.concentrated()).isEqualTo(concentrated);
    }

    @ParameterizedTest(name = "PRO_RATA with T2 = {0}, {1} months → {2}")
    @CsvSource({
            // 32 + 13 × 1/12 = 33.08 → rounded up to 33.5; 32 + 13 × 6/12 = 38.5 exactly
            "45, 2025-12-01, 33.5",
            "45, 2025-07-01, 38.5",
            // 32 + 1 × 1/12 = 32.08 → 32.5
            "33, 2025-12-01, 32.5"
    })
    void T2_pro_rata_is_rounded_up_to_half_a_hour(BigDecimal t2, String from, BigDecimal expected) {
        StudyTarget leader = new StudyTarget("p", "LEADER", t2, 1, "T2", "规划");
        YearTarget t = TargetRule.of(2025, T1, leader, RoleChangeRule.PRO_RATA, seat(from, ""), AFTER_YEAR);
        assertThat(t.hours()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "YEAR_END in the current year reads the seat held today ({0})")
    @CsvSource({"2025-03-01, 56", "2025-02-28, 32"})
    void T2_year_end_in_the_current_year_reads_today(LocalDate today, BigDecimal hours) {
        YearTarget t = TargetRule.of(2025, T1, T2, RoleChangeRule.YEAR_END, seat("2025-03-01", ""), today);
        assertThat(t.hours()).isEqualByComparingTo(hours);
    }
}
