package cn.zhibu.learning.exam;

import java.time.Instant;
import java.util.List;

/**
 * An attempt as its member takes it: the questions in the member's order, options shuffled, their own saved answers —
 * and no answer key (see {@link AttemptReview} for that, after the exam).
 *
 * @param secondsLeft until the deadline by the server's clock (0 when passed)
 */
public record AttemptView(long attemptId, long examId, String title, boolean daily, Instant deadline,
                          long secondsLeft, boolean submitted, Integer score, int maxScore, boolean passed,
                          int passMark, List<ExamPaperItem> items) {

    /**
     * @param options the options in the order shown (an answer names them by this position)
     * @param chosen  the positions the member chose (choice questions)
     * @param text    what the member filled in (fill-in)
     */
    public record ExamPaperItem(int position, QuestionKind kind, String kindLabel, String stem, List<String> options,
                       int score, List<Integer> chosen, String text) {
    }

    public long answered() {
        return items.stream().filter(i -> !i.chosen().isEmpty() || i.text() != null && !i.text().isEmpty()).count();
    }
}
