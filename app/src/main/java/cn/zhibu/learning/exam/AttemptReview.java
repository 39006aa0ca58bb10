package cn.zhibu.learning.exam;

import java.util.List;

/** A graded attempt with the answer key, shown once review is allowed (the exam closed, or after the last attempt). */
public record AttemptReview(long attemptId, long examId, String title, int score, int maxScore, boolean passed,
                            int passMark, List<ExamReviewItem> items) {

    /**
     * @param correct  the right option positions in the order the member saw them
     * @param accepted the accepted answers of a fill-in
     */
    public record ExamReviewItem(int position, QuestionKind kind, String kindLabel, String stem, List<String> options,
                       List<Integer> chosen, String text, List<Integer> correct, List<String> accepted,
                       String explanation, int score, int awarded) {
    }
}
