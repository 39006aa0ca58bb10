package cn.zhibu.learning.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A course addressed to the member, with their progress: the study time credited and whether it completed. */
public record MyCourse(long id, String title, String summary, CourseKind kind, String orgName, String seriesTitle,
                       BigDecimal hours, int creditSeconds, boolean required, LocalDate dueOn, int creditedSeconds,
                       Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }

    /** Whole percent of the study time credited (100 only when completed). */
    public int percent() {
        if (completed()) {
            return 100;
        }
        return Math.min(99, (int) ((long) creditedSeconds * 100 / Math.max(1, creditSeconds)));
    }

    /** Required, not completed, and its due date passed. */
    public boolean overdue(LocalDate today) {
        return required && !completed() && dueOn != null && dueOn.isBefore(today);
    }

    public String kindLabel() {
        return kind.label();
    }
}
