package cn.zhibu.learning;

import java.time.Instant;

/**
 * A member's attempt passed an exam (first pass only) or answered the day's quiz ({@code dailyQuiz}); published in
 * the grading transaction.
 */
public record ExamPassed(long memberId, long examId, long attemptId, int score, boolean dailyQuiz, Instant at) {
}
