package cn.zhibu.generator;

import cn.zhibu.learning.views.LearningRollup;
import cn.zhibu.learning.views.LearningViews;
import cn.zhibu.platform.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code study-records} on a small generated province: courses, progress, 学时, study years and a roll-up that equals
 * a recount over every organization's subtree (by range, not by the path's ancestors the seed used), read by the
 * committee's view; it refuses to write twice, and {@code --replace} gives the same records for the same seed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"zhibu.demo.enabled=false", "zhibu.embedded-db.data-dir="})
@ActiveProfiles("test")
@DirtiesContext
class StudySeedIntegrationTest {

    private static final int MEMBERS = 3_000;
    private static final long SEED = 7L;

    @Autowired ProvinceGenerator generator;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired LearningViews views;

    @Test
    void writes_consistent_study_records_whose_rollup_equals_a_recount() throws Exception {
        generator.generate(new GeneratorOptions(MEMBERS, SEED, "Sheng@2026", true));
        int year = LocalDate.now().getYear();
        StudySeed.Written first = write(year, false);

        assertThat(first.courses()).isPositive();
        assertThat(first.progress()).isBetween(MEMBERS * 1L, MEMBERS * 3L);
        assertThat(first.years()).as(first.toString()).isBetween(MEMBERS / 2L, (long) MEMBERS);
        assertThat(jdbc.sql("select count(*) from course_progress where credited_seconds > 7200").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from study_year y where hours <> (select sum(hours) from study_credit s
                    where s.member_id = y.member_id and s.year = y.year)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from study_year where met").query(Long.class).single()).isPositive();
        assertThat(rollupMismatches(year)).isZero();

        long root = jdbc.sql("select id from organization where parent_id is null").query(Long.class).single();
        LearningRollup rollup = views.rollup(DataScope.system("测试"), root, year, null);
        assertThat(rollup.total().hours().movePointRight(2).longValueExact()).isEqualTo(jdbc.sql(
                "select sum(round(hours * 100))::bigint from study_year where year = ?").param(year)
                .query(Long.class).single());
        assertThat(rollup.total().members()).isEqualTo(MEMBERS);
        assertThat(rollup.children()).isNotEmpty();
        long rootCourse = rollup.courses().get(0).id();
        LearningRollup withCourse = views.rollup(DataScope.system("测试"), root, year, rootCourse);
        assertThat(withCourse.total().courseDone()).isEqualTo(jdbc.sql(
                "select count(*) from course_progress where course_id = ? and completed_at is not null")
                .param(rootCourse).query(Long.class).single()).isPositive();

        assertThatThrownBy(() -> write(year, false)).hasMessageContaining("--replace");
        StudySeed.Written again = write(year, true);
        assertThat(again).isEqualTo(new StudySeed.Written(first.courses(), first.progress(), first.credits(),
                first.years(), first.rollupRows()));
        assertThat(rollupMismatches(year)).isZero();
    }

    private StudySeed.Written write(int year, boolean replace) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StudySeed.Written w = StudySeed.write(c, SEED, year, replace);
                c.commit();
                return w;
            } catch (RuntimeException | java.sql.SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Roll-up rows of every organization that differ from a count over its subtree's range (rows by their org). */
    private long rollupMismatches(int year) {
        return jdbc.sql("""
                with recount as (
                    select o.id as org_id, m.metric, m.n
                    from organization o
                    cross join lateral (
                        select 'HOURS_CENTI' as metric, coalesce(sum(round(y.hours * 100)), 0)::bigint as n
                        from study_year y join organization w on w.id = y.org_id where y.year = :year
                          and w.path >= o.path and w.path < left(o.path, length(o.path) - 1) || '0'
                        union all
                        select 'MEMBERS_MET', count(*) from study_year y join organization w on w.id = y.org_id
                        where y.year = :year and y.met
                          and w.path >= o.path and w.path < left(o.path, length(o.path) - 1) || '0'
                        union all
                        select 'MEMBERS_STUDIED', count(*) from study_year y join organization w on w.id = y.org_id
                        where y.year = :year and y.hours > 0
                          and w.path >= o.path and w.path < left(o.path, length(o.path) - 1) || '0'
                        union all
                        select 'COURSE_DONE:' || p.course_id, count(*) from course_progress p
                        join organization w on w.id = p.org_id
                        where p.completed_at is not null
                          and w.path >= o.path and w.path < left(o.path, length(o.path) - 1) || '0'
                        group by p.course_id) m
                    where m.n <> 0),
                rolled as (
                    select org_id, metric, sum(n) as n from (
                        select org_id, metric, n from study_rollup where period = make_date(:year, 1, 1)
                        union all
                        select org_id, metric, n from study_rollup_delta where period = make_date(:year, 1, 1)) r
                    group by org_id, metric having sum(n) <> 0)
                select count(*) from recount r full join rolled u using (org_id, metric)
                where r.n is distinct from u.n""").param("year", year).query(Long.class).single();
    }
}
