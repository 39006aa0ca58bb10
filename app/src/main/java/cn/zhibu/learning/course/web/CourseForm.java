package cn.zhibu.learning.course.web;

import cn.zhibu.learning.course.CourseAudience;
import cn.zhibu.learning.course.CourseDraft;
import cn.zhibu.learning.course.CourseKind;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A course as a client or the form posts it; a missing field is named by the service. {@code bodyHtml} (articles) is
 * rich text, sanitised on save; {@code mediaSeconds} is the length of a video or audio whose file does not tell it.
 */
record CourseForm(Long orgId, Long seriesId, Integer seriesOrder, @ShortText("课程标题") String title,
                  @NoteText("课程简介") String summary, CourseKind kind, String bodyHtml, BigDecimal hours,
                  Integer mediaSeconds, Boolean required, @SensibleDate("完成期限") LocalDate dueOn,
                  CourseAudience audience) {

    CourseDraft draft() {
        return new CourseDraft(orgId, seriesId, seriesOrder, title, summary, kind, bodyHtml, hours, mediaSeconds,
                Boolean.TRUE.equals(required), dueOn, audience);
    }

    static CourseForm empty(Long orgId) {
        return new CourseForm(orgId, null, 0, null, null, null, null, BigDecimal.ONE, null, false, null,
                CourseAudience.SUBTREE);
    }
}
