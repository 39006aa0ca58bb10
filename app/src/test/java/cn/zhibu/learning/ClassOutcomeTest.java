package cn.zhibu.learning;

import cn.zhibu.learning.classes.ClassOutcome;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.ClassSettings;
import cn.zhibu.learning.classes.SessionHours;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md T2: a class missed by more than 1/7 of its hours is not completed; the counting practice of 学时. */
class ClassOutcomeTest {

    @ParameterizedTest(name = "{0} of {1} hours attended: completed {2}")
    @CsvSource({
            "28, 28, true",
            "24, 28, true",       // 4 missed = exactly 1/7
            "23.99, 28, false",   // 4.01 missed
            "23.9999, 28, false",
            "0, 28, false",
            "6, 7, true",         // 1 of 7 missed
            "5.99, 7, false",
            "0, 0, false"})
    void T2_a_class_missed_by_more_than_a_seventh_is_not_completed(String attended, String total, boolean completed) {
        ClassOutcome outcome = ClassOutcome.judge(new BigDecimal(total), new BigDecimal(attended),
                LearningSettings.defaults());
        assertThat(outcome.completed()).isEqualTo(completed);
    }

    @ParameterizedTest(name = "completed {0}: credited {2}")
    @CsvSource({"24, 28, 28", "23.999, 28, 23.99", "10, 28, 10.00"})
    void T2_completed_credits_the_class_hours_else_the_hours_attended_rounded_down(String attended, String total,
                                                                                  String credited) {
        assertThat(ClassOutcome.judge(new BigDecimal(total), new BigDecimal(attended), LearningSettings.defaults())
                .creditedHours()).isEqualByComparingTo(credited);
    }

    @ParameterizedTest(name = "{0} minutes count {1} 学时")
    @CsvSource({"480, 8", "360, 8", "359, 4", "180, 4", "179, 3", "60, 1", "20, 1", "89, 1", "90, 2"})
    void T2_counting_practice_a_day_8_half_a_day_4_an_hour_1(int minutes, int hours) {
        assertThat(SessionHours.practice(Duration.ofMinutes(minutes), ClassSettings.defaults()))
                .isEqualByComparingTo(BigDecimal.valueOf(hours));
    }

    @ParameterizedTest(name = "in {0} min, out {1} min after start of a 4-hour session: {2}")
    @CsvSource({"-10, 250, 4", "0, 240, 4", "0, 120, 2", "60, 240, 3", "0, 239, 3.98", "-5, -1, 0", "250, 260, 0"})
    void T2_attended_hours_need_check_in_and_out_and_are_capped_at_the_session(int in, int out, String hours) {
        Instant start = Instant.parse("2026-03-02T01:00:00Z");
        ClassSession s = new ClassSession(1, 1, "第一讲", start, start.plus(Duration.ofHours(4)), new BigDecimal("4"), null);
        BigDecimal attended = SessionHours.credited(SessionHours.attended(s, start.plus(Duration.ofMinutes(in)),
                start.plus(Duration.ofMinutes(out))));
        assertThat(attended).isEqualByComparingTo(hours);
        assertThat(SessionHours.attended(s, start, null)).isZero();
    }
}
