package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesBillLine;
import cn.zhibu.dues.DuesEntryLine;
import cn.zhibu.dues.RollupDues.Remittance;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads of the dues views over the tables the bill run and the ledger write (V32): a member's bills and entries
 * by the member's index, a subtree's month by its organizations (their path range and the caller's scope). Names
 * are filled in by the service (the member module owns them).
 */
@Component
public class DuesReadRecords {

    private static final String BILL = "select member_id, month, amount, paid, status, justified, void_reason from dues_bill";
    private static final String ENTRY = """
            select e.id, e.member_id, e.kind, e.amount, e.method, e.receipt_no, e.payer, e.payer_name, e.paid_on,
                   e.reverses, e.reason, e.to_center,
                   coalesce((select array_agg(to_char(a.month, 'YYYY-MM') order by a.month) from dues_allocation a
                              where a.entry_id = e.id), '{}') as months
              from dues_entry e""";

    private final JdbcClient jdbc;

    DuesReadRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DuesBillLine> memberBills(long memberId, int limit) {
        return jdbc.sql(BILL + " where member_id = ? order by month desc limit ?").params(memberId, limit)
                .query((rs, i) -> bill(rs)).list();
    }

    public List<DuesBillLine> memberBills(long memberId, YearMonth from, YearMonth to) {
        return jdbc.sql(BILL + " where member_id = ? and month >= ? and month <= ? order by month")
                .params(memberId, from.atDay(1), to.atDay(1)).query((rs, i) -> bill(rs)).list();
    }

    public List<DuesEntryLine> memberEntries(long memberId, int limit) {
        return jdbc.sql(ENTRY + " where e.member_id = ? order by e.id desc limit ?").params(memberId, limit)
                .query((rs, i) -> entry(rs)).list();
    }

    public List<DuesEntryLine> memberEntries(long memberId, LocalDate from, LocalDate to) {
        return jdbc.sql(ENTRY + " where e.member_id = ? and e.paid_on >= ? and e.paid_on <= ? order by e.paid_on, e.id")
                .params(memberId, from, to).query((rs, i) -> entry(rs)).list();
    }

    /** A subtree's bills of a month, by member, at most {@code limit}. */
    public List<DuesBillLine> subtreeBills(DataScope scope, TreePath subtree, YearMonth month, int limit) {
        Range range = range(scope, subtree, "org_id");
        Map<String, Object> params = range.params();
        params.put("month", month.atDay(1));
        params.put("limit", limit);
        return jdbc.sql(BILL + " where " + range.condition() + " and month = :month order by member_id limit :limit")
                .params(params).query((rs, i) -> bill(rs)).list();
    }

    /** A subtree's payments, extras and reversals recorded in a month, newest first, at most {@code limit}. */
    public List<DuesEntryLine> subtreePayments(DataScope scope, TreePath subtree, YearMonth month, int limit) {
        Range range = range(scope, subtree, "e.org_id");
        Map<String, Object> params = range.params();
        params.put("from", month.atDay(1));
        params.put("to", month.atEndOfMonth());
        params.put("limit", limit);
        return jdbc.sql(ENTRY + " where " + range.condition() + " and e.paid_on >= :from and e.paid_on <= :to and e.kind <> 'REMITTANCE'"
                        + " order by e.id desc limit :limit")
                .params(params).query((rs, i) -> entry(rs)).list();
    }

    /** A subtree's 上缴 whose period ends in the year, newest first. */
    public List<Remittance> remittances(DataScope scope, TreePath subtree, int year, int limit) {
        Range range = range(scope, subtree, "e.org_id");
        Map<String, Object> params = range.params();
        params.put("from", LocalDate.of(year, 1, 1));
        params.put("to", LocalDate.of(year, 12, 1));
        params.put("limit", limit);
        return jdbc.sql("""
                        select e.id, e.org_id, o.name as org_name, e.to_org_id, t.name as to_name, e.amount,
                               e.period_from, e.period_to, e.paid_on, e.receipt_no
                          from dues_entry e join organization o on o.id = e.org_id
                          left join organization t on t.id = e.to_org_id
                         where e.kind = 'REMITTANCE' and %s
                           and e.period_to >= :from and e.period_to <= :to
                         order by e.paid_on desc, e.id desc limit :limit""".formatted(range.condition()))
                .params(params)
                .query((rs, i) -> new Remittance(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                        (Long) rs.getObject("to_org_id"), rs.getString("to_name"), rs.getBigDecimal("amount"),
                        month(rs, "period_from"), month(rs, "period_to"), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("receipt_no")))
                .list();
    }

    /** What a member owes now: open months and their sum. */
    public record Owed(int months, BigDecimal amount) {
    }

    public Owed owed(long memberId) {
        return jdbc.sql("select count(*)::int, coalesce(sum(amount - paid), 0) from dues_bill"
                        + " where member_id = ? and status = 'OPEN'")
                .param(memberId).query((rs, i) -> new Owed(rs.getInt(1), rs.getBigDecimal(2))).single();
    }

    /** The runs of these members (0 when none). */
    public Map<Long, Integer> arrearsMonths(Collection<Long> memberIds) {
        Map<Long, Integer> months = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("select member_id, months from dues_arrears where member_id in (:ids)").param("ids", memberIds)
                    .query((rs, i) -> months.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return months;
    }

    /**
     * The subtree and the caller's scope as one condition on the row's organization ({@code org_id}: bills and
     * entries carry no path, V51), with its parameters.
     */
    private record Range(String condition, Map<String, Object> params) {
    }

    private static Range range(DataScope scope, TreePath subtree, String orgIdColumn) {
        Map<String, Object> params = DataScope.params();
        String scoped = scope.memberScopeSql("o.path", params);
        params.put("lo", subtree.value());
        params.put("hi", subtree.upperBound());
        return new Range(SubtreeRewrite.orgIdIn(orgIdColumn, "lo", "hi", scoped), params);
    }

    private static DuesBillLine bill(ResultSet rs) throws SQLException {
        return new DuesBillLine(rs.getLong("member_id"), null, month(rs, "month"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("paid"), rs.getString("status"), rs.getString("justified"),
                rs.getString("void_reason"), 0);
    }

    private static DuesEntryLine entry(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        return new DuesEntryLine(rs.getLong("id"), rs.getLong("member_id"), null, rs.getString("kind"), amount,
                rs.getString("method"), rs.getString("receipt_no"), rs.getString("payer"), rs.getString("payer_name"),
                rs.getObject("paid_on", LocalDate.class), (Long) rs.getObject("reverses"), rs.getString("reason"),
                rs.getBoolean("to_center"), List.of((String[]) rs.getArray("months").getArray()));
    }

    private static YearMonth month(ResultSet rs, String column) throws SQLException {
        LocalDate d = rs.getObject(column, LocalDate.class);
        return d == null ? null : YearMonth.from(d);
    }
}
