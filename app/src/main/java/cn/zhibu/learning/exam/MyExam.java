package cn.zhibu.learning.exam;

/**
 * An exam (or a daily quiz) addressed to the member, with where they stand.
 *
 * @param openAttemptId an attempt still running, to resume
 * @param canStart      open now, no attempt running, attempts left (a quiz: not yet answered today)
 * @param reviewAttemptId the best graded attempt when review is allowed
 */
public record MyExam(Exam exam, String statusLabel, int attemptsUsed, Integer bestScore, boolean passed,
                     Long openAttemptId, boolean canStart, Long reviewAttemptId) {
}
