package cn.zhibu.learning.exam;

import java.util.List;

/**
 * A question of a bank, with its answer key: never sent to a member taking an exam (see {@link AttemptView}).
 *
 * @param correct  the right option indexes (0-based) of a choice question
 * @param accepted the accepted answers of a fill-in question
 */
public record Question(long id, long bankId, QuestionKind kind, String topic, String stem, List<String> options,
                       List<Integer> correct, List<String> accepted, String explanation, int score, boolean active) {

    public Question {
        options = List.copyOf(options);
        correct = List.copyOf(correct);
        accepted = List.copyOf(accepted);
    }

    /** The right answer as people read it: option letters (A, C) or the accepted texts. */
    public String key() {
        if (!kind.choice()) {
            return String.join(" / ", accepted);
        }
        return String.join("", correct.stream().sorted().map(i -> kind == QuestionKind.TRUE_FALSE ? options.get(i)
                : String.valueOf((char) ('A' + i))).toList());
    }
}
