package cn.zhibu.learning.course.internal;

import cn.zhibu.learning.course.CourseSeries;
import cn.zhibu.organization.OrganizationMoved;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code course_series} rows (V41). They carry their organization's path: a move rewrites them inside the move's
 * transaction (the hours part rewrites {@code course} itself, a V40 table).
 */
@Repository
public class CourseSeriesRows {

    private static final String SELECT = """
            select s.id, s.org_id, s.org_path, o.name as org_name, s.title, s.summary,
                   (select count(*) from course c where c.series_id = s.id) as courses, s.created_by, s.created_at
              from course_series s join organization o on o.id = s.org_id
            """;

    private final JdbcClient jdbc;

    CourseSeriesRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long orgId, String orgPath, long rootId, String title, String summary, String by) {
        return jdbc.sql("insert into course_series (org_id, org_path, root_id, title, summary, created_by)"
                        + " values (:org, :path, :root, :title, :summary, :by) returning id")
                .param("org", orgId).param("path", orgPath).param("root", rootId).param("title", title)
                .param("summary", summary).param("by", by).query(Long.class).single();
    }

    public void update(long id, String title, String summary) {
        jdbc.sql("update course_series set title = :title, summary = :summary where id = :id")
                .param("title", title).param("summary", summary).param("id", id).update();
    }

    public Optional<CourseSeries> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(CourseSeriesRows::series).optional();
    }

    public List<CourseSeries> managed(DataScope scope, int limit) {
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("s.org_path", params);
        params.put("limit", limit);
        return jdbc.sql(SELECT + " where " + inScope + " order by s.id desc limit :limit").params(params)
                .query(CourseSeriesRows::series).list();
    }

    @EventListener
    void on(OrganizationMoved moved) {
        SubtreeRewrite.rewrite(jdbc, "course_series", moved.oldPath(), moved.newPath(), moved.newRootId());
    }

    private static CourseSeries series(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CourseSeries(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                rs.getString("org_name"), rs.getString("title"), rs.getString("summary"), rs.getInt("courses"),
                rs.getString("created_by"), CourseRows.instant(rs.getTimestamp("created_at")));
    }
}
