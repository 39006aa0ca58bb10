package cn.zhibu.life.appraisal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** P2 as a policy: 优秀 at most a third of the 正式党员 rated, in whole people. */
class GradeQuotaTest {

    @ParameterizedTest(name = "{0} rated → at most {1} 优秀")
    @CsvSource({"0, 0", "1, 0", "2, 0", "3, 1", "4, 1", "5, 1", "6, 2", "7, 2", "8, 2", "9, 3", "50, 16"})
    void P2_excellent_is_at_most_a_third_of_the_rated_in_whole_people(int rated, int max) {
        assertThat(GradeQuota.maxExcellent(rated)).isEqualTo(max);
        assertThat(GradeQuota.allows(grades(rated, max))).as("%d 优秀 of %d", max, rated).isTrue();
        if (max < rated) {
            assertThat(GradeQuota.allows(grades(rated, max + 1))).as("%d 优秀 of %d", max + 1, rated).isFalse();
            assertThat(GradeQuota.problem(grades(rated, max + 1))).contains("P2", "三分之一");
        }
    }

    @ParameterizedTest(name = "{0} rated")
    @CsvSource({"1", "2"})
    void P2_one_or_two_rated_members_have_no_excellent(int rated) {
        assertThat(GradeQuota.allows(grades(rated, 1))).isFalse();
        assertThat(GradeQuota.problem(grades(rated, 1))).contains("不足3人时不评优秀");
    }

    private static List<Grade> grades(int rated, int excellent) {
        List<Grade> grades = new ArrayList<>(Collections.nCopies(excellent, Grade.EXCELLENT));
        grades.addAll(Collections.nCopies(rated - excellent, Grade.QUALIFIED));
        return grades;
    }
}
