package cn.zhibu.learning;

import java.time.LocalDate;

/**
 * A member's 培训班 became completed (absence at most the share of {@link LearningSettings}) or stopped being so (its
 * attendance corrected); published in the transaction that changed the attendance.
 */
public record ClassCompletionChanged(long memberId, long classId, String title, boolean completed, LocalDate on) {
}
