package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesRelief;
import cn.zhibu.dues.ReliefProposal;
import cn.zhibu.dues.ReliefStatus;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code dues_relief} rows (F4): proposed by a branch, decided by the next-higher committee. */
@Repository
public class ReliefRows {

    private final JdbcClient jdbc;

    ReliefRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long memberId, long orgId, String orgPath, ReliefProposal p, String by) {
        return jdbc.sql("""
                        insert into dues_relief (member_id, org_id, org_path, from_month, to_month, amount, reason,
                                                 decided_on, status, proposed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?) returning id""")
                .params(memberId, orgId, orgPath, p.fromMonth().atDay(1), p.toMonth().atDay(1), p.amount(),
                        p.reason(), p.decidedOn(), by)
                .query(Long.class).single();
    }

    public Optional<DuesRelief> find(long id) {
        return jdbc.sql("select * from dues_relief where id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** The row, locked: two decisions on one proposal queue. */
    public Optional<DuesRelief> findForUpdate(long id) {
        return jdbc.sql("select * from dues_relief where id = ? for update").param(id).query((rs, i) -> map(rs))
                .optional();
    }

    public List<DuesRelief> ofMember(long memberId) {
        return jdbc.sql("select * from dues_relief where member_id = ? order by from_month desc, id desc")
                .param(memberId).query((rs, i) -> map(rs)).list();
    }

    /**
     * The approved relief a month is billed on (F4): of those covering it, the latest decided proposal — as the bill
     * run's statement picks it.
     */
    public Optional<DuesRelief> approvedCovering(long memberId, YearMonth month) {
        return jdbc.sql("""
                        select * from dues_relief where member_id = ? and status = 'APPROVED'
                        and from_month <= ? and to_month >= ? order by id desc limit 1""")
                .params(memberId, month.atDay(1), month.atDay(1)).query((rs, i) -> map(rs)).optional();
    }

    /** Proposed or approved reliefs of the member overlapping the months. */
    public List<DuesRelief> overlapping(long memberId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select * from dues_relief where member_id = ? and status in ('PROPOSED', 'APPROVED')
                        and from_month <= ? and to_month >= ? order by id""")
                .params(memberId, to.atDay(1), from.atDay(1)).query((rs, i) -> map(rs)).list();
    }

    /** Reliefs of the subtrees the caller manages, in one state (null: all), newest first. */
    public List<DuesRelief> inScope(DataScope scope, TreePath within, ReliefStatus status, int limit) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("org_path", params) + " and org_path >= :lo and org_path < :hi";
        params.put("lo", within.value());
        params.put("hi", within.upperBound());
        if (status != null) {
            where += " and status = :status";
            params.put("status", status.name());
        }
        params.put("limit", limit);
        return jdbc.sql("select * from dues_relief where " + where + " order by id desc limit :limit").params(params)
                .query((rs, i) -> map(rs)).list();
    }

    public void decide(long id, ReliefStatus status, String by, String note) {
        jdbc.sql("update dues_relief set status = ?, approved_by = ?, approved_at = now(), approver_note = ? where id = ?")
                .params(status.name(), by, note, id).update();
    }

    public void revoke(long id, String by, String note) {
        jdbc.sql("update dues_relief set status = 'REVOKED', approver_note = ? where id = ?")
                .params(note == null ? "由" + by + "撤销" : note, id).update();
    }


    private static DuesRelief map(ResultSet rs) throws SQLException {
        return new DuesRelief(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("org_id"), rs.getString("org_path"),
                YearMonth.from(rs.getObject("from_month", LocalDate.class)),
                YearMonth.from(rs.getObject("to_month", LocalDate.class)), rs.getBigDecimal("amount"),
                rs.getString("reason"), rs.getObject("decided_on", LocalDate.class),
                ReliefStatus.valueOf(rs.getString("status")), rs.getString("proposed_by"), rs.getString("approved_by"),
                rs.getString("approver_note"));
    }
}
