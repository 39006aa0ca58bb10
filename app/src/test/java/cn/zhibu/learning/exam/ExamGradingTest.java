package cn.zhibu.learning.exam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each question type graded (right, wrong, partial, empty), draws by their rules, and the question check. */
class ExamGradingTest {

    private static Question q(QuestionKind kind, List<String> options, List<Integer> correct, List<String> accepted) {
        return new Question(1, 1, kind, "党章", "题干", options, correct, accepted, null, 1, true);
    }

    private static final Question SINGLE = q(QuestionKind.SINGLE, List.of("甲", "乙", "丙"), List.of(1), List.of());
    private static final Question MULTIPLE = q(QuestionKind.MULTIPLE, List.of("甲", "乙", "丙", "丁"), List.of(0, 2, 3), List.of());
    private static final Question TRUE_FALSE = q(QuestionKind.TRUE_FALSE, QuestionKind.TRUE_FALSE_OPTIONS, List.of(1), List.of());
    private static final Question FILL = q(QuestionKind.FILL, List.of(), List.of(), List.of("1921", "Yan'an 精神"));

    @Test
    void single_choice_right_wrong_empty() {
        assertThat(Grading.award(SINGLE, List.of("1"), 2, false)).isEqualTo(2);
        assertThat(Grading.award(SINGLE, List.of("0"), 2, false)).isZero();
        assertThat(Grading.award(SINGLE, List.of(), 2, false)).isZero();
        assertThat(Grading.award(SINGLE, null, 2, false)).isZero();
        assertThat(Grading.award(SINGLE, List.of("0", "1"), 2, false)).isZero();
    }

    @ParameterizedTest(name = "{0} partial={1} → {2}")
    @CsvSource(delimiter = ';', value = {
            "0,2,3; false; 6", "0,2,3; true; 6",
            "0,2; false; 0", "0,2; true; 4", "0; true; 2",
            "0,1; true; 0", "0,1,2,3; true; 0", "1; true; 0"})
    void multiple_choice_all_or_nothing_or_partial(String picked, boolean partial, int expected) {
        assertThat(Grading.award(MULTIPLE, Arrays.asList(picked.split(",")), 6, partial)).isEqualTo(expected);
    }

    @Test
    void multiple_choice_empty_earns_nothing_even_with_partial_credit() {
        assertThat(Grading.award(MULTIPLE, List.of(), 6, true)).isZero();
    }

    @Test
    void true_false_right_wrong_empty() {
        assertThat(Grading.award(TRUE_FALSE, List.of("1"), 1, false)).isEqualTo(1);
        assertThat(Grading.award(TRUE_FALSE, List.of("0"), 1, false)).isZero();
        assertThat(Grading.award(TRUE_FALSE, List.of(), 1, false)).isZero();
    }

    @ParameterizedTest(name = "“{0}” → {1}")
    @CsvSource(delimiter = ';', value = {"1921; 3", "  1921　; 3", "１９２１; 3", "yan'an 精神; 3", "ＹＡＮ'ＡＮ  精神; 3",
            "1922; 0", "' '; 0", "19 21; 0"})
    void fill_in_compared_trimmed_width_and_case_normalised(String given, int expected) {
        assertThat(Grading.award(FILL, List.of(given), 3, false)).isEqualTo(expected);
    }

    @Test
    void fill_in_empty_or_hostile_earns_nothing() {
        assertThat(Grading.award(FILL, List.of(), 3, false)).isZero();
        assertThat(Grading.award(SINGLE, List.of("x"), 3, false)).isZero();
    }

    // draws

    private static List<ExamDraw.Candidate> pool(long from, int n, QuestionKind kind) {
        return IntStream.range(0, n).mapToObj(i -> new ExamDraw.Candidate(from + i, kind, 4)).toList();
    }

    private static final ExamRule PARTY = new ExamRule(1, "党章", QuestionKind.SINGLE, 3, 2);
    private static final ExamRule HISTORY = new ExamRule(1, "党史", QuestionKind.MULTIPLE, 2, 4);
    private static final ExamRule ANY = new ExamRule(1, null, null, 4, 1);

    private static List<ExamDraw.Candidate> candidates(ExamRule r) {
        if (r == PARTY) {
            return pool(100, 6, QuestionKind.SINGLE);
        }
        if (r == HISTORY) {
            return pool(200, 5, QuestionKind.MULTIPLE);
        }
        List<ExamDraw.Candidate> all = new ArrayList<>(pool(100, 6, QuestionKind.SINGLE));
        all.addAll(pool(200, 5, QuestionKind.MULTIPLE));
        return all;
    }

    @Test
    void a_draw_takes_the_count_of_each_rule_with_its_score_and_never_a_question_twice() {
        for (long seed = 0; seed < 50; seed++) {
            List<ExamDraw.Drawn> paper = ExamDraw.draw(List.of(PARTY, HISTORY, ANY), ExamGradingTest::candidates,
                    new Random(seed));
            assertThat(paper).hasSize(9);
            assertThat(paper.subList(0, 3)).allSatisfy(d -> {
                assertThat(d.questionId()).isBetween(100L, 105L);
                assertThat(d.score()).isEqualTo(2);
            });
            assertThat(paper.subList(3, 5)).allSatisfy(d -> assertThat(d.questionId()).isBetween(200L, 204L));
            assertThat(new HashSet<>(paper.stream().map(ExamDraw.Drawn::questionId).toList())).hasSize(9);
            assertThat(paper).allSatisfy(d -> assertThat(Arrays.stream(d.optionOrder()).sorted().toArray())
                    .containsExactly(0, 1, 2, 3));
        }
    }

    @Test
    void different_members_get_different_orders_of_questions_and_options() {
        List<ExamDraw.Drawn> one = ExamDraw.draw(List.of(PARTY, HISTORY), ExamGradingTest::candidates, new Random(1));
        List<ExamDraw.Drawn> two = ExamDraw.draw(List.of(PARTY, HISTORY), ExamGradingTest::candidates, new Random(2));
        assertThat(one.stream().map(ExamDraw.Drawn::questionId).toList())
                .isNotEqualTo(two.stream().map(ExamDraw.Drawn::questionId).toList());
        assertThat(one.stream().map(d -> Arrays.toString(d.optionOrder())).toList())
                .isNotEqualTo(two.stream().map(d -> Arrays.toString(d.optionOrder())).toList());
    }

    @Test
    void true_false_options_are_never_shuffled() {
        ExamRule tf = new ExamRule(1, null, QuestionKind.TRUE_FALSE, 3, 1);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(ExamDraw.draw(List.of(tf), r -> IntStream.range(0, 5)
                    .mapToObj(i -> new ExamDraw.Candidate(i, QuestionKind.TRUE_FALSE, 2)).toList(), new Random(seed)))
                    .allSatisfy(d -> assertThat(d.optionOrder()).containsExactly(0, 1));
        }
    }

    @Test
    void a_rule_with_too_few_questions_is_refused_naming_it() {
        assertThatThrownBy(() -> ExamDraw.draw(List.of(new ExamRule(1, "党章", QuestionKind.SINGLE, 7, 2)),
                r -> pool(100, 6, QuestionKind.SINGLE), new Random(0)))
                .hasMessageContaining("单选题·党章").hasMessageContaining("只有6道");
    }

    // the question check

    @Test
    void a_question_is_checked_field_by_field() {
        QuestionCheck.Checked ok = QuestionCheck.check(new QuestionDraft(QuestionKind.MULTIPLE, "党章", "题干",
                List.of("甲", "乙", "", "丙"), "ａ，c", null, 2));
        assertThat(ok.options()).containsExactly("甲", "乙", "丙");
        assertThat(ok.correct()).containsExactly(0, 2);
        assertThat(QuestionCheck.check(new QuestionDraft(QuestionKind.TRUE_FALSE, "党规", "题干", null, "×", null,
                null)).correct()).containsExactly(1);
        assertThat(QuestionCheck.check(new QuestionDraft(QuestionKind.FILL, "党史", "题干", null, "1921｜一九二一", null,
                null)).accepted()).containsExactly("1921", "一九二一");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "SINGLE;;D;answer", "SINGLE;甲,乙;AB;answer", "MULTIPLE;甲,乙,丙;A;answer", "SINGLE;甲;A;options",
            "SINGLE;甲,甲;A;options", "TRUE_FALSE;;也许;answer", "FILL;;'';answer", "SINGLE;甲,乙;1;answer"})
    void bad_questions_are_refused_naming_the_field(String kind, String options, String answer, String field) {
        assertThatThrownBy(() -> QuestionCheck.check(new QuestionDraft(QuestionKind.valueOf(kind), "党章", "题干",
                options == null ? List.of() : List.of(options.split(",")), answer, null, 1)))
                .isInstanceOfSatisfying(cn.zhibu.platform.InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey(field));
    }

    @Test
    void hostile_text_is_refused() {
        assertThatThrownBy(() -> QuestionCheck.check(new QuestionDraft(QuestionKind.FILL, "党\u202E章", "题\u0000干",
                null, "x".repeat(300), null, 1000)))
                .isInstanceOfSatisfying(cn.zhibu.platform.InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("topic", "stem", "answer", "score"));
    }
}
