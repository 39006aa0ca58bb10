package cn.zhibu.life.compliance.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.ComplianceExemption;
import cn.zhibu.life.compliance.CompliancePeriod;
import cn.zhibu.life.compliance.Exempted;
import cn.zhibu.life.compliance.PeriodType;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Exemptions granted by higher committees; each carries its organization's path for the scope filter. */
@Repository
public class ExemptionRecords {

    private static final String SELECT = """
            select e.id, e.org_id, o.name as org_name, e.org_path, e.kind, e.period_type, e.period_start, e.reason,
                   e.created_by, e.created_at
            from life_compliance_exemption e join organization o on o.id = e.org_id""";

    private final JdbcClient jdbc;

    ExemptionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An exemption with the path it is filed under. */
    public record Row(ComplianceExemption exemption, TreePath path, Exempted rule) {
    }

    public long insert(long orgId, TreePath path, MeetingKind kind, CompliancePeriod period, String reason,
                       String createdBy) {
        return jdbc.sql("""
                        insert into life_compliance_exemption (org_id, org_path, kind, period_type, period_start, reason, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, path.value(), kind == null ? null : kind.name(), period.type().name(), period.firstDay(),
                        reason, createdBy)
                .query(Long.class).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query((rs, i) -> row(rs)).optional();
    }

    public void delete(long id) {
        jdbc.sql("delete from life_compliance_exemption where id = ?").param(id).update();
    }

    /** The same kind (or every kind) for the same period is already exempted. */
    public boolean exists(long orgId, MeetingKind kind, CompliancePeriod period) {
        return jdbc.sql("""
                        select exists(select 1 from life_compliance_exemption where org_id = ? and kind is not distinct from ?
                                      and period_type = ? and period_start = ?)""")
                .params(orgId, kind == null ? null : kind.name(), period.type().name(), period.firstDay())
                .query(Boolean.class).single();
    }

    public List<Exempted> exempted(long orgId, Collection<Integer> years) {
        return rows(List.of(orgId), years).getOrDefault(orgId, List.of()).stream().map(Row::rule).toList();
    }

    /** The exemptions of these organizations in these years, by organization. */
    public Map<Long, List<Row>> rows(Collection<Long> orgIds, Collection<Integer> years) {
        Map<Long, List<Row>> found = new HashMap<>();
        if (orgIds.isEmpty() || years.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " where e.org_id in (:ids) and extract(year from e.period_start)::int in (:years)"
                        + " order by e.period_start, e.id")
                .param("ids", orgIds).param("years", years)
                .query((rs, i) -> row(rs)).list()
                .forEach(r -> found.computeIfAbsent(r.exemption().orgId(), k -> new ArrayList<>()).add(r));
        return found;
    }

    /** Exemptions of a subtree in a year, newest period first, at most {@code limit}. */
    public List<ComplianceExemption> inSubtree(TreePath subtree, int year, int limit) {
        return jdbc.sql(SELECT + " where e.org_path >= ? and e.org_path < ? and e.period_start >= ? and e.period_start < ?"
                        + " order by e.period_start desc, e.org_path, e.id limit ?")
                .params(subtree.value(), subtree.upperBound(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1),
                        limit)
                .query((rs, i) -> row(rs).exemption()).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        String kindCode = rs.getString("kind");
        MeetingKind kind = kindCode == null ? null : MeetingKind.valueOf(kindCode);
        CompliancePeriod period = new CompliancePeriod(PeriodType.valueOf(rs.getString("period_type")),
                YearMonth.from(rs.getObject("period_start", LocalDate.class)));
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        ComplianceExemption e = new ComplianceExemption(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                kindCode, kind == null ? "全部类型" : kind.label(), period.key(), period.label(), rs.getString("reason"),
                rs.getString("created_by"), createdAt);
        return new Row(e, new TreePath(rs.getString("org_path")), new Exempted(kind, period));
    }
}
