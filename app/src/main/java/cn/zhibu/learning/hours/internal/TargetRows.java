package cn.zhibu.learning.hours.internal;

import cn.zhibu.learning.hours.StudyTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** {@code study_target} (V40): the targets as data, per plan period and role. */
@Repository
public class TargetRows {

    private final JdbcClient jdbc;

    TargetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The targets of one plan period for a member (T1) and a committee member (T2). */
    public record Plan(StudyTarget member, StudyTarget leader) {
    }

    /**
     * The plan period containing 1 January of the year; a year past the last plan keeps the last plan's figures (a
     * new plan is a new row), a year before the first takes the first.
     */
    public Plan plan(int year) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        List<StudyTarget> rows = jdbc.sql("""
                        select plan_code, role, hours, concentrated, rule_id, source from study_target
                        where plan_code = coalesce(
                            (select plan_code from study_target where valid_from <= :d and valid_to >= :d
                             order by valid_from desc limit 1),
                            (select plan_code from study_target where valid_from <= :d order by valid_from desc limit 1),
                            (select plan_code from study_target order by valid_from limit 1))""")
                .param("d", jan1)
                .query((rs, i) -> new StudyTarget(rs.getString("plan_code"), rs.getString("role"),
                        rs.getBigDecimal("hours"), rs.getInt("concentrated"), rs.getString("rule_id"),
                        rs.getString("source")))
                .list();
        StudyTarget member = rows.stream().filter(t -> t.role().equals("MEMBER")).findFirst()
                .orElseThrow(() -> new IllegalStateException("study_target 缺少 " + year + " 年党员（MEMBER）学时标准"));
        StudyTarget leader = rows.stream().filter(t -> t.role().equals("LEADER")).findFirst().orElse(member);
        return new Plan(member, leader);
    }
}
