package cn.zhibu.learning.exam;

import java.time.Instant;

/** One member's standing in an exam: attempts graded, best score, whether and when first passed. */
public record ExamResult(long memberId, String memberName, String orgName, int attempts, Integer bestScore,
                         boolean passed, Instant firstPassedAt) {
}
