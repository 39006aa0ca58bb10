package cn.zhibu.learning.views.internal;

import cn.zhibu.learning.views.LearningDueCourse;
import cn.zhibu.learning.views.LearningRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of the views on the shared V40 tables: each from an index, bounded. A member's courses are those
 * published to one of the prefixes of their path or to everyone (never a LIKE on the member's side).
 */
@Component
public class LearningReadRecords {

    private final JdbcClient jdbc;

    LearningReadRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The prefixes of a path, from the root down: the organizations whose courses reach it. */
    public static List<String> prefixes(TreePath path) {
        List<String> prefixes = new ArrayList<>();
        TreePath p = null;
        for (long id : path.ids()) {
            p = p == null ? TreePath.root(id) : p.child(id);
            prefixes.add(p.value());
        }
        return prefixes;
    }

    /** A member's required published courses not completed, soonest due first (undated last). */
    public List<LearningDueCourse> dueCourses(long memberId, TreePath memberPath, LocalDate today, int limit) {
        return jdbc.sql("""
                        select c.id, c.title, c.hours, c.due_on, c.credit_seconds,
                               coalesce(p.credited_seconds, 0) as credited
                        from course c
                        left join course_progress p on p.course_id = c.id and p.member_id = :member
                        where c.status = 'PUBLISHED' and c.required
                          and (c.audience = 'EVERYONE' or c.org_path in (:prefixes))
                          and p.completed_at is null
                        order by c.due_on nulls last, c.id
                        limit :limit""")
                .param("member", memberId).param("prefixes", prefixes(memberPath)).param("limit", limit)
                .query((rs, i) -> due(rs, today)).list();
    }

    private static LearningDueCourse due(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        return new LearningDueCourse(rs.getLong("id"), rs.getString("title"), rs.getBigDecimal("hours"), dueOn,
                dueOn != null && dueOn.isBefore(today), rs.getInt("credited"), rs.getInt("credit_seconds"));
    }

    /** How many courses the member completed in the year. */
    public int completedIn(long memberId, int year) {
        return jdbc.sql("""
                        select count(*) from course_progress where member_id = ?
                          and completed_at >= make_date(?, 1, 1) and completed_at < make_date(? + 1, 1, 1)""")
                .params(memberId, year, year).query(Integer.class).single();
    }

    /** A member's study year (hours, target, concentrated, needed, met), if they have one. */
    public record YearRow(long memberId, BigDecimal hours, BigDecimal target, int concentrated, int needed,
                          boolean met) {
    }

    public Optional<YearRow> year(long memberId, int year) {
        return years(List.of(memberId), year).stream().findFirst();
    }

    public List<YearRow> years(Collection<Long> memberIds, int year) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select member_id, hours, target_hours, concentrated, concentrated_needed, met
                        from study_year where member_id in (:ids) and year = :year""")
                .param("ids", memberIds).param("year", year)
                .query((rs, i) -> new YearRow(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4),
                        rs.getInt(5), rs.getBoolean(6))).list();
    }

    /** The T1 target (role MEMBER) of the plan containing 1 January of the year, or of the latest plan before it. */
    public record Target(BigDecimal hours, int concentrated) {
    }

    public Target memberTarget(int year) {
        return jdbc.sql("""
                        select hours, concentrated from study_target
                        where role = 'MEMBER' and valid_from <= make_date(?, 1, 1)
                        order by (make_date(?, 1, 1) <= valid_to) desc, valid_from desc limit 1""")
                .params(year, year)
                .query((rs, i) -> new Target(rs.getBigDecimal(1), rs.getInt(2))).optional()
                .orElse(new Target(new BigDecimal("32.0"), 0));
    }

    /**
     * The required published courses past their due date that reach some member of the subtree: published to one of
     * its ancestors (or itself), to everyone, or within it. Few: at most {@code limit}, oldest due first.
     */
    public List<LearningDueCourse> overdueFor(TreePath subtree, LocalDate today, int limit) {
        return jdbc.sql("""
                        select id, title, hours, due_on, credit_seconds, 0 as credited, org_path, audience
                        from course
                        where required and status = 'PUBLISHED' and due_on < :today
                          and (audience = 'EVERYONE' or org_path in (:prefixes)
                               or (org_path >= :lo and org_path < :hi))
                        order by due_on, id limit :limit""")
                .param("today", today).param("prefixes", prefixes(subtree)).param("lo", subtree.value())
                .param("hi", subtree.upperBound()).param("limit", limit)
                .query((rs, i) -> due(rs, today)).list();
    }

    /** A member of the registry behind, as read from the tables: where, the year's row, the overdue courses missing. */
    public record BehindRow(long memberId, long orgId, String orgPath, YearRow year, List<Long> missing) {
    }

    /**
     * The subtree's registry members behind, in (org path, member id) order after the cursor: on one of the overdue
     * courses given (addressed to them, not completed), or with hours below {@code share} of their target (none met).
     */
    public List<BehindRow> behind(TreePath subtree, int year, BigDecimal t1, BigDecimal share, List<Long> overdue,
                                  String afterPath, Long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("lo", subtree.value());
        params.put("hi", subtree.upperBound());
        params.put("year", year);
        params.put("t1", t1);
        params.put("share", share);
        params.put("overdue", overdue.toArray(Long[]::new));
        params.put("limit", limit);
        String keyset = "";
        if (afterPath != null) {
            keyset = " and (m.org_path, m.member_id) > (:afterPath, :afterId)";
            params.put("afterPath", afterPath);
            params.put("afterId", afterId);
        }
        return jdbc.sql("""
                        select * from (
                            select m.member_id, m.org_id, m.org_path, coalesce(y.hours, 0) as hours, coalesce(y.target_hours, :t1) as target,
                                   coalesce(y.concentrated, 0) as concentrated,
                                   coalesce(y.concentrated_needed, 0) as needed, coalesce(y.met, false) as met,
                                   array(select c.id from course c
                                         where c.id = any(:overdue)
                                           and (c.audience = 'EVERYONE'
                                                or left(m.org_path, length(c.org_path)) = c.org_path)
                                           and not exists (select 1 from course_progress p
                                                           where p.member_id = m.member_id and p.course_id = c.id
                                                             and p.completed_at is not null)
                                         order by c.due_on, c.id) as missing
                            from registry_member m
                            left join study_year y on y.member_id = m.member_id and y.year = :year
                            where m.org_path >= :lo and m.org_path < :hi %s
                        ) x
                        where cardinality(missing) > 0 or (not met and hours < target * :share)
                        order by org_path, member_id
                        limit :limit""".formatted(keyset))
                .params(params)
                .query((rs, i) -> {
                    long memberId = rs.getLong("member_id");
                    YearRow y = new YearRow(memberId, rs.getBigDecimal("hours"), rs.getBigDecimal("target"),
                            rs.getInt("concentrated"), rs.getInt("needed"), rs.getBoolean("met"));
                    List<Long> missing = List.of((Long[]) rs.getArray("missing").getArray());
                    return new BehindRow(memberId, rs.getLong("org_id"), rs.getString("org_path"), y, missing);
                }).list();
    }

    /** The required courses (published or withdrawn) addressed to every member of the organization, newest first. */
    public List<LearningRollup.RollupCourse> requiredCoursesOf(TreePath org, int limit) {
        return jdbc.sql("""
                        select id, title, due_on from course
                        where required and status in ('PUBLISHED', 'WITHDRAWN')
                          and (audience = 'EVERYONE' or org_path in (:prefixes))
                        order by coalesce(published_at, created_at) desc, id desc limit :limit""")
                .param("prefixes", prefixes(org)).param("limit", limit)
                .query((rs, i) -> new LearningRollup.RollupCourse(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list();
    }
}
