package cn.zhibu.learning.exam;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's attempt at an exam (or a day's quiz, {@code quizDay}).
 *
 * @param submittedAt when it was submitted, or its deadline when it was graded after the time ran out; null while open
 * @param score       null until graded
 */
public record Attempt(long id, long examId, long memberId, String orgPath, LocalDate quizDay, Instant startedAt,
                      Instant deadline, Instant submittedAt, Integer score, int maxScore, boolean passed) {

    public boolean submitted() {
        return submittedAt != null;
    }

    /** Still to be answered at {@code now}: not submitted and the deadline not passed. */
    public boolean openAt(Instant now) {
        return submittedAt == null && !now.isAfter(deadline);
    }
}
