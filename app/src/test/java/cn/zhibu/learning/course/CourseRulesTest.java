package cn.zhibu.learning.course;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The hours of a video or audio against its length (V40: credit at most the length; hours ≤ length rounded up to 0.1). */
class CourseRulesTest {

    @ParameterizedTest(name = "{0} s of media carry at most {1} 学时")
    @CsvSource({"3600, 1.0", "3601, 1.1", "3599, 1.0", "360, 0.1", "1, 0.1", "361, 0.2", "5400, 1.5"})
    void the_most_hours_of_media_is_its_length_rounded_up_to_a_tenth(int seconds, String max) {
        assertThat(CourseRules.maxHours(seconds)).isEqualByComparingTo(max);
    }

    @ParameterizedTest(name = "{0} 学时 on {1} s: refused = {2}")
    @CsvSource({"1.0, 3600, false", "1.1, 3601, false", "1.1, 3600, true", "0.1, 1, false", "0.2, 360, true",
            "2, 5400, true", "1.5, 5400, false"})
    void hours_above_the_length_are_refused(String hours, int seconds, boolean refused) {
        assertThat(CourseRules.hoursProblem(new BigDecimal(hours), seconds) != null).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0} 学时 with media {1}: credit {2} s")
    @CsvSource({"1.0, , 3600", "1.0, 1800, 1800", "1.1, 3601, 3601", "0.5, 7200, 1800", "1.5, , 5400"})
    void credit_is_the_hours_at_most_the_length(String hours, Integer media, int credit) {
        assertThat(CourseRules.creditSeconds(new BigDecimal(hours), media)).isEqualTo(credit);
    }

    @ParameterizedTest(name = "hours {0}: allowed = {1}")
    @CsvSource({"0.1, true", "100, true", "0.05, false", "0, false", "100.1, false", "-1, false", "1.25, false",
            "1e9, false"})
    void hours_are_a_tenth_to_a_hundred(String hours, boolean allowed) {
        assertThat(CourseRules.hoursRange(new BigDecimal(hours)) == null).isEqualTo(allowed);
    }
}
