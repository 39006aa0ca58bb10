package cn.zhibu.learning;

/**
 * The metrics of {@code study_rollup} (platform MonthlyRollup, period = 1 January of the study year), written only by
 * {@link StudyHours}: 学时 × 100, members who studied, members who met their target, completions per course.
 */
public final class StudyMetrics {

    public static final String HOURS_CENTI = "HOURS_CENTI";
    public static final String MEMBERS_STUDIED = "MEMBERS_STUDIED";
    public static final String MEMBERS_MET = "MEMBERS_MET";
    private static final String COURSE_DONE = "COURSE_DONE:";

    private StudyMetrics() {
    }

    /** The metric counting completions of one course. */
    public static String courseDone(long courseId) {
        return COURSE_DONE + courseId;
    }
}
