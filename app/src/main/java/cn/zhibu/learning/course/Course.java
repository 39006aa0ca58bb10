package cn.zhibu.learning.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A course as its managers and readers see it. {@code creditSeconds} is the study time the server must vouch for to
 * complete it; {@code mediaSeconds} the video's or audio's length (read from the file or stated by the publisher).
 */
public record Course(long id, long orgId, String orgPath, String orgName, Long seriesId, String seriesTitle,
                     int seriesOrder, String title, String summary, CourseKind kind, String bodyHtml, CourseFile file,
                     Integer mediaSeconds, BigDecimal hours, int creditSeconds, boolean required, LocalDate dueOn,
                     CourseAudience audience, CourseStatus status, Instant publishedAt, String createdBy,
                     Instant createdAt) {

    public String kindLabel() {
        return kind.label();
    }

    public String statusLabel() {
        return status.label();
    }

    public String audienceLabel() {
        return audience.label();
    }

    /** The length as people read it ("12分30秒"), or null. */
    public String mediaLength() {
        return mediaSeconds == null ? null : CourseRules.duration(mediaSeconds);
    }

    /** The study time to complete it, as people read it. */
    public String creditLength() {
        return CourseRules.duration(creditSeconds);
    }
}
