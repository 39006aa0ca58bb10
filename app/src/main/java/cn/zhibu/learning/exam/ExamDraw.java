package cn.zhibu.learning.exam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws one member's paper: for each rule in order, {@code count} questions chosen at random among those the rule
 * matches and not drawn already (so rules that overlap never repeat a question), in random order; the options of a
 * single or multiple choice shuffled (a true/false keeps 正确, 错误). The random source is given, so a test can seed it.
 */
public final class ExamDraw {

    /** A question a rule may draw: what the draw needs to know of it. */
    public record Candidate(long questionId, QuestionKind kind, int optionCount) {
    }

    /** One question of the paper: option_order[i] is the option index shown i-th. */
    public record Drawn(long questionId, int[] optionOrder, int score) {
    }

    private ExamDraw() {
    }

    /**
     * @param candidates the questions each rule matches (active ones)
     * @throws IllegalStateException naming the rule when too few questions remain for it
     */
    public static List<Drawn> draw(List<ExamRule> rules, Function<ExamRule, List<Candidate>> candidates,
                                   Random random) {
        List<Drawn> paper = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (ExamRule rule : rules) {
            List<Candidate> pool = new ArrayList<>(candidates.apply(rule).stream()
                    .filter(c -> !taken.contains(c.questionId())).toList());
            if (pool.size() < rule.count()) {
                throw new IllegalStateException("抽题规则“" + rule.describe() + "”需要" + rule.count() + "道题，题库中只有"
                        + pool.size() + "道可用");
            }
            Collections.shuffle(pool, random);
            for (Candidate c : pool.subList(0, rule.count())) {
                taken.add(c.questionId());
                paper.add(new Drawn(c.questionId(), optionOrder(c, random), rule.score()));
            }
        }
        return paper;
    }

    private static int[] optionOrder(Candidate c, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < c.optionCount(); i++) {
            order.add(i);
        }
        if (c.kind() == QuestionKind.SINGLE || c.kind() == QuestionKind.MULTIPLE) {
            Collections.shuffle(order, random);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
