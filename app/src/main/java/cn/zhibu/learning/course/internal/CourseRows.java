package cn.zhibu.learning.course.internal;

import cn.zhibu.learning.course.Course;
import cn.zhibu.learning.course.CourseAudience;
import cn.zhibu.learning.course.CourseFile;
import cn.zhibu.learning.course.CourseFilter;
import cn.zhibu.learning.course.CourseKind;
import cn.zhibu.learning.course.CourseStatus;
import cn.zhibu.learning.course.MyCourse;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code course} rows of the courses part (V40) with their organization, series and file. */
@Repository
public class CourseRows {

    private static final String SELECT = """
            select c.id, c.org_id, c.org_path, o.name as org_name, c.series_id, s.title as series_title,
                   c.series_order, c.title, c.summary, c.kind, c.body_html, c.media_seconds, c.hours, c.credit_seconds,
                   c.required, c.due_on, c.audience, c.status, c.published_at, c.created_by, c.created_at,
                   f.id as file_id, f.file_name, f.kind as file_kind, f.media_type, f.size_bytes, f.sha256,
                   f.media_seconds as file_seconds, f.created_by as file_by, f.created_at as file_at
              from course c
              join organization o on o.id = c.org_id
              left join course_series s on s.id = c.series_id
              left join course_file f on f.id = c.file_id
            """;

    private final JdbcClient jdbc;

    CourseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields a draft writes. */
    public record Fields(Long seriesId, int seriesOrder, String title, String summary, CourseKind kind,
                         String bodyHtml, Integer mediaSeconds, BigDecimal hours, int creditSeconds, boolean required,
                         LocalDate dueOn, CourseAudience audience) {
    }

    public long insert(long orgId, String orgPath, long rootId, Fields f, String by) {
        return jdbc.sql("""
                        insert into course (org_id, org_path, root_id, series_id, series_order, title, summary, kind,
                                            body_html, media_seconds, hours, credit_seconds, required, due_on, audience,
                                            created_by)
                        values (:org, :path, :root, :series, :order, :title, :summary, :kind, :body, :media, :hours,
                                :credit, :required, :due, :audience, :by)
                        returning id""")
                .param("org", orgId).param("path", orgPath).param("root", rootId).params(fieldParams(f))
                .param("by", by).query(Long.class).single();
    }

    public void update(long id, Fields f) {
        jdbc.sql("""
                        update course set series_id = :series, series_order = :order, title = :title, summary = :summary,
                               kind = :kind, body_html = :body, media_seconds = :media, hours = :hours,
                               credit_seconds = :credit, required = :required, due_on = :due, audience = :audience,
                               version = version + 1
                         where id = :id""")
                .params(fieldParams(f)).param("id", id).update();
    }

    private static Map<String, Object> fieldParams(Fields f) {
        var p = new java.util.HashMap<String, Object>();
        p.put("series", f.seriesId());
        p.put("order", f.seriesOrder());
        p.put("title", f.title());
        p.put("summary", f.summary());
        p.put("kind", f.kind().name());
        p.put("body", f.bodyHtml());
        p.put("media", f.mediaSeconds());
        p.put("hours", f.hours());
        p.put("credit", f.creditSeconds());
        p.put("required", f.required());
        p.put("due", f.dueOn());
        p.put("audience", f.audience().name());
        return p;
    }

    public void attachFile(long id, long fileId, Integer mediaSeconds, int creditSeconds) {
        jdbc.sql("update course set file_id = :file, media_seconds = :media, credit_seconds = :credit,"
                        + " version = version + 1 where id = :id")
                .param("file", fileId).param("media", mediaSeconds).param("credit", creditSeconds).param("id", id)
                .update();
    }

    public void setStatus(long id, CourseStatus status) {
        jdbc.sql("update course set status = :status, version = version + 1,"
                        + " published_at = case when :status = 'PUBLISHED' then now() else published_at end where id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    public Optional<Course> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CourseRows::course).optional();
    }

    /** Locks the course row for a write (publish, withdraw, upload), so two writers see each other's result. */
    public Optional<Course> lock(long id) {
        jdbc.sql("select id from course where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    public List<Course> managed(DataScope scope, CourseFilter filter, Paging paging) {
        Map<String, Object> params = DataScope.params();
        String where = managedWhere(scope, filter, params);
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        return jdbc.sql(SELECT + " where " + where + " order by c.id desc limit :limit offset :offset")
                .params(params).query(CourseRows::course).list();
    }

    public long countManaged(DataScope scope, CourseFilter filter) {
        Map<String, Object> params = DataScope.params();
        String where = managedWhere(scope, filter, params);
        return jdbc.sql("select count(*) from course c where " + where).params(params).query(Long.class).single();
    }

    private static String managedWhere(DataScope scope, CourseFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(scope.memberScopeSql("c.org_path", params));
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.kind() != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and strpos(c.title, :q) > 0");
            params.put("q", filter.q().strip());
        }
        return where.toString();
    }

    /**
     * The published courses addressed to a member of {@code prefixes} (their organization's path and its ancestors':
     * a course published to any of them, or to everyone), required first, then by due date, with the member's
     * progress.
     */
    public List<MyCourse> addressedTo(long memberId, List<String> prefixes, int limit) {
        return jdbc.sql("""
                        select c.id, c.title, c.summary, c.kind, o.name as org_name, s.title as series_title, c.hours,
                               c.credit_seconds, c.required, c.due_on, coalesce(p.credited_seconds, 0) as credited,
                               p.completed_at
                          from course c
                          join organization o on o.id = c.org_id
                          left join course_series s on s.id = c.series_id
                          left join course_progress p on p.course_id = c.id and p.member_id = :member
                         where c.status = 'PUBLISHED' and (c.audience = 'EVERYONE' or c.org_path in (:prefixes))
                         order by (p.completed_at is null) desc, c.required desc, c.due_on nulls last,
                                  c.published_at desc, c.id desc
                         limit :limit""")
                .param("member", memberId).param("prefixes", prefixes).param("limit", limit)
                .query((rs, i) -> new MyCourse(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                        CourseKind.valueOf(rs.getString("kind")), rs.getString("org_name"),
                        rs.getString("series_title"), rs.getBigDecimal("hours"), rs.getInt("credit_seconds"),
                        rs.getBoolean("required"), rs.getObject("due_on", LocalDate.class), rs.getInt("credited"),
                        instant(rs.getTimestamp("completed_at"))))
                .list();
    }

    /** The member's progress on one course, or empty when they have not studied it. */
    public Optional<MyCourse> progress(long memberId, Course c) {
        return jdbc.sql("select credited_seconds, completed_at from course_progress where member_id = :m and course_id = :c")
                .param("m", memberId).param("c", c.id())
                .query((rs, i) -> new MyCourse(c.id(), c.title(), c.summary(), c.kind(), c.orgName(), c.seriesTitle(),
                        c.hours(), c.creditSeconds(), c.required(), c.dueOn(), rs.getInt("credited_seconds"),
                        instant(rs.getTimestamp("completed_at"))))
                .optional();
    }

    private static Course course(ResultSet rs, int i) throws SQLException {
        long fileId = rs.getLong("file_id");
        CourseFile file = rs.wasNull() ? null : new CourseFile(fileId, rs.getString("file_name"),
                rs.getString("file_kind"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                (Integer) rs.getObject("file_seconds"), rs.getString("file_by"), instant(rs.getTimestamp("file_at")));
        long seriesId = rs.getLong("series_id");
        Long series = rs.wasNull() ? null : seriesId;
        return new Course(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"), rs.getString("org_name"),
                series, rs.getString("series_title"), rs.getInt("series_order"), rs.getString("title"),
                rs.getString("summary"), CourseKind.valueOf(rs.getString("kind")), rs.getString("body_html"), file,
                (Integer) rs.getObject("media_seconds"), rs.getBigDecimal("hours"), rs.getInt("credit_seconds"),
                rs.getBoolean("required"), rs.getObject("due_on", LocalDate.class),
                CourseAudience.valueOf(rs.getString("audience")), CourseStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("published_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
