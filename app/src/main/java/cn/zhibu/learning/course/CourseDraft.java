package cn.zhibu.learning.course;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a manager fills in for a course (a draft until published). {@code statedSeconds}: the media's length when the
 * server cannot read it from the file (MP3, WebM, Ogg); a length read from the file wins.
 */
public record CourseDraft(Long orgId, Long seriesId, Integer seriesOrder, String title, String summary, CourseKind kind,
                          String bodyHtml, BigDecimal hours, Integer statedSeconds, boolean required, LocalDate dueOn,
                          CourseAudience audience) {
}
