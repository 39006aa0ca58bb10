package cn.zhibu.learning.views;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A required course addressed to a member and not completed: its due date (null: none), whether that is past, and the
 * member's progress (the study time the server credited against what completing it takes).
 */
public record LearningDueCourse(long courseId, String title, BigDecimal hours, LocalDate dueOn, boolean overdue,
                                int creditedSeconds, int creditSeconds) {

    /** Progress in whole percent, never 100 before completion. */
    public int percent() {
        return creditSeconds == 0 ? 0 : Math.min(99, (int) (100L * creditedSeconds / creditSeconds));
    }

    public String link() {
        return "/learning/courses/" + courseId;
    }
}
