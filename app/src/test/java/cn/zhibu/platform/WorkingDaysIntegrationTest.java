package cn.zhibu.platform;

import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working days (RULES.md, "Working days") against the calendar shipped in V12: the 2025 and 2026 arrangements of the
 * 国务院办公厅. Each expectation is worked out by hand from those notices.
 */
@IntegrationTest
class WorkingDaysIntegrationTest {

    @Autowired WorkingDays workingDays;

    @ParameterizedTest(name = "{0} + {1} working days ends on {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-09-26 | 5 | 2025-10-09 | Friday before 国庆: 9/26, 9/28 (Sunday worked), 9/29, 9/30, then 10/1–10/8 off, 10/9
            2025-10-01 | 1 | 2025-10-09 | starts on a holiday: counting starts at the first working day after it
            2025-10-04 | 1 | 2025-10-09 | starts on a Saturday inside the holiday
            2025-10-01 | 5 | 2025-10-14 | 10/9, 10/10, 10/11 (Saturday worked), 10/13, 10/14
            2025-10-11 | 1 | 2025-10-11 | a 调休 Saturday is a working day
            2025-01-24 | 2 | 2025-01-26 | 1/24 Friday, then 1/26 Sunday worked before 春节
            2025-04-30 | 2 | 2025-05-06 | 4/30, then 5/1–5/5 off, 5/6
            2025-03-08 | 1 | 2025-03-10 | an ordinary Saturday: the period starts on Monday
            2025-03-03 | 5 | 2025-03-07 | an ordinary week
            2026-02-13 | 3 | 2026-02-24 | 2/13, 2/14 (Saturday worked), 2/15–2/23 春节 off, 2/24
            2026-09-18 | 5 | 2026-09-23 | 9/18, 9/20 (Sunday worked), 9/21, 9/22, 9/23
            2026-09-24 | 5 | 2026-10-08 | 9/24, 中秋 9/25–27 off, 9/28, 9/29, 9/30, 国庆 10/1–7 off, 10/8
            2026-01-01 | 1 | 2026-01-04 | 元旦 1/1–1/3 off, 1/4 Sunday worked
            2026-05-01 | 1 | 2026-05-06 | 劳动节 5/1–5/5 off
            2026-05-08 | 2 | 2026-05-09 | 5/8, then 5/9 Saturday worked
            """)
    void a_period_counts_the_first_n_working_days_on_or_after_its_start(LocalDate startsOn, int days, LocalDate endsOn,
                                                                           String why) {
        assertThat(workingDays.lastDayOfPeriod(startsOn, days)).as(why).isEqualTo(endsOn);
        assertThat(workingDays.workingDaysBetween(startsOn, endsOn)).as(why).isEqualTo(days);
        assertThat(workingDays.isWorkingDay(endsOn)).as(why).isTrue();
    }

    @ParameterizedTest(name = "{0} is a working day: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2025-09-28 | true  | Sunday worked before 国庆
            2025-10-11 | true  | Saturday worked after 国庆
            2025-10-01 | false | 国庆节
            2025-10-03 | false | a Friday inside the holiday
            2025-10-04 | false | a Saturday inside the holiday
            2025-10-09 | true  | first day back
            2025-10-12 | false | an ordinary Sunday
            2025-06-02 | false | 端午节 Monday
            2026-01-02 | false | 元旦 Friday
            2026-01-04 | true  | Sunday worked after 元旦
            2026-02-28 | true  | Saturday worked after 春节
            2026-05-09 | true  | Saturday worked after 劳动节
            2026-06-19 | false | 端午节 Friday
            2026-10-07 | false | last day of 国庆
            2026-10-10 | true  | Saturday worked after 国庆
            2026-11-30 | true  | an ordinary Monday
            """)
    void working_days_follow_the_shipped_calendar(LocalDate day, boolean working, String why) {
        assertThat(workingDays.isWorkingDay(day)).as(why).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} to {1}: {2} working days")
    @CsvSource(delimiter = '|', textBlock = """
            2025-09-26 | 2025-10-09 | 5
            2025-10-01 | 2025-10-08 | 0
            2025-10-09 | 2025-10-09 | 1
            2025-10-10 | 2025-10-09 | 0
            2025-01-01 | 2025-12-31 | 248
            2026-01-01 | 2026-12-31 | 248
            2030-03-04 | 2030-03-17 | 10
            """)
    void working_days_between_two_dates(LocalDate from, LocalDate to, int expected) {
        assertThat(workingDays.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void the_count_by_arithmetic_agrees_with_walking_the_days() {
        Random random = new Random(20261129);
        LocalDate base = LocalDate.of(2024, 11, 1);
        for (int i = 0; i < 300; i++) {
            LocalDate from = base.plusDays(random.nextInt(900));
            LocalDate to = from.plusDays(random.nextInt(120) - 5);
            int walked = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                walked += workingDays.isWorkingDay(d) ? 1 : 0;
            }
            assertThat(workingDays.workingDaysBetween(from, to)).as(from + ".." + to).isEqualTo(walked);
            int n = 1 + random.nextInt(30);
            LocalDate end = workingDays.lastDayOfPeriod(from, n);
            assertThat(workingDays.workingDaysBetween(from, end)).isEqualTo(n);
            assertThat(workingDays.workingDaysBetween(from, end.minusDays(1))).isEqualTo(n - 1);
        }
    }

    @Test
    void years_without_an_arrangement_count_monday_to_friday_and_say_so() {
        assertThat(workingDays.knowsYear(2025)).isTrue();
        assertThat(workingDays.knowsYear(2026)).isTrue();
        assertThat(workingDays.knowsYear(2040)).isFalse();
        assertThat(workingDays.lastDayOfPeriod(LocalDate.of(2040, 3, 2), 5)).isEqualTo(LocalDate.of(2040, 3, 8));
        assertThatThrownBy(() -> workingDays.lastDayOfPeriod(LocalDate.of(2025, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
