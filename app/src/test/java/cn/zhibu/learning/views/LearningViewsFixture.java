package cn.zhibu.learning.views;

import cn.zhibu.learning.StudyMetrics;
import cn.zhibu.member.Member;
import cn.zhibu.organization.Organization;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Rows of the shared V40 tables as the courses, study and hours parts write them (this part only reads them): a
 * course, a member's progress or completion, a study year, with the roll-up deltas the hours part would append.
 */
@Component
public class LearningViewsFixture {

    private final JdbcClient jdbc;
    private final MonthlyRollup rollup;

    LearningViewsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rollup = new MonthlyRollup(jdbc, "study_rollup");
    }

    public long course(Organization org, String title, boolean required, LocalDate dueOn, boolean everyone) {
        return jdbc.sql("""
                        insert into course (org_id, org_path, root_id, title, kind, body_html, hours, credit_seconds,
                                            required, due_on, audience, status, published_at, created_by)
                        values (?, ?, ?, ?, 'ARTICLE', '<p>学习</p>', 2.0, 7200, ?, ?, ?, 'PUBLISHED', now(), '测试')
                        returning id""")
                .params(org.id(), org.path().value(), org.rootId(), title, required, dueOn,
                        everyone ? "EVERYONE" : "SUBTREE")
                .query(Long.class).single();
    }

    public void progress(Member m, long courseId, int seconds) {
        jdbc.sql("""
                        insert into course_progress (member_id, course_id, org_id, credited_seconds)
                        values (?, ?, ?, ?)""")
                .params(m.id(), courseId, m.orgId(), seconds).update();
    }

    /** A completion in the year: the progress row and the course's count on the member's path. */
    public void completed(Member m, long courseId, int year) {
        jdbc.sql("""
                        insert into course_progress (member_id, course_id, org_id, credited_seconds, completed_at)
                        values (?, ?, ?, 7200, make_date(?, 3, 1))""")
                .params(m.id(), courseId, m.orgId(), year).update();
        rollup.apply(new MonthlyRollup.Delta().add(new TreePath(m.orgPath()).ids(), StudyMetrics.courseDone(courseId),
                YearMonth.of(year, 1), 1));
    }

    /** A study year and its counts on the member's path, as the hours part keeps them. */
    public void year(Member m, int year, String hours, String target, boolean met) {
        jdbc.sql("""
                        insert into study_year (member_id, year, org_id, hours, target_hours, met)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(m.id(), year, m.orgId(), new BigDecimal(hours), new BigDecimal(target), met)
                .update();
        var ids = new TreePath(m.orgPath()).ids();
        YearMonth period = YearMonth.of(year, 1);
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta()
                .add(ids, StudyMetrics.HOURS_CENTI, period, new BigDecimal(hours).movePointRight(2).longValueExact());
        if (new BigDecimal(hours).signum() > 0) {
            delta.add(ids, StudyMetrics.MEMBERS_STUDIED, period, 1);
        }
        if (met) {
            delta.add(ids, StudyMetrics.MEMBERS_MET, period, 1);
        }
        rollup.apply(delta);
    }
}
