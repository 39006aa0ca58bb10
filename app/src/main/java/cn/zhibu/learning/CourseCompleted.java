package cn.zhibu.learning;

import java.time.Instant;

/** A member completed a course (the server credited its full study time); published in the completing transaction. */
public record CourseCompleted(long memberId, long courseId, boolean required, Instant completedAt) {
}
