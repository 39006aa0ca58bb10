package cn.zhibu.learning.course;

import java.time.Instant;

/** A series (专题) of courses of an organization, with how many courses it holds. */
public record CourseSeries(long id, long orgId, String orgPath, String orgName, String title, String summary,
                           int courses, String createdBy, Instant createdAt) {
}
