package cn.zhibu.learning.course;

/** The manager's list filters: status, kind, a word of the title (each may be null). */
public record CourseFilter(CourseStatus status, CourseKind kind, String q) {

    public static CourseFilter none() {
        return new CourseFilter(null, null, null);
    }
}
