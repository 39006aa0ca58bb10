package cn.zhibu.dues.internal;

import cn.zhibu.dues.BillRun;
import cn.zhibu.dues.BillStatus;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The {@code dues_bill} rows as branches list and void them, and the {@code dues_bill_run} log. */
@Repository
public class BillRows {

    private final JdbcClient jdbc;

    BillRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A bill without the member's name (the member module names them); orgPath, orgName: its organization now. Only a
     * subtree's list shows the name: a member's own bills may name a former branch outside the reader's scope.
     */
    public record Row(long memberId, YearMonth month, long orgId, String orgPath, String orgName, BigDecimal amount,
                      BigDecimal paid, BillStatus status, Long baseId, Long reliefId, String voidReason) {
    }

    private static final String COLUMNS = "b.member_id, b.month, b.org_id, o.path as org_path, o.name as org_name,"
            + " b.amount, b.paid, b.status, b.base_id, b.relief_id, b.void_reason";
    /** The bills with their organization (for its path now: bills carry none, V51). */
    private static final String FROM = " from dues_bill b join organization o on o.id = b.org_id";

    /** A subtree's bills of a month are counted to this many at most (beyond, "10000+"): a province's are millions. */
    public static final int COUNT_CAP = 10_000;

    /**
     * A page of a subtree's bills of a month, by organization and member. The subtree is tested on the joined
     * organization's path, whose order the page follows: its organizations are walked in order and the walk stops
     * with the page. (Asked as "the organization is among the subtree's", the planner walked the province's
     * organizations in path order testing each: a county's first page took 363 ms at 5 M members, now 0.35.)
     * {@code few}: the caller counted at most {@link #COUNT_CAP} such bills. Of a status other than OPEN (those V63
     * indexes) they are then found whole before they are sorted, so that the planner may start from the bills of
     * that status rather than walk the subtree hoping to meet them soon: paid bills cluster (a branch collects on one
     * day), and a province's 1,240 已交 bills took 440 ms walked, 6 ms found first. At worst the subtree is walked
     * whole and at most 10,000 bills are sorted.
     */
    public List<Row> ofSubtree(TreePath subtree, YearMonth month, BillStatus status, boolean few, int limit,
                               long offset) {
        String where = inSubtree(status);
        String sql = few && status != null && status != BillStatus.OPEN
                ? "with matching as materialized (select " + COLUMNS + FROM + where + ")"
                        + " select * from matching order by org_path, member_id limit ? offset ?"
                : "select " + COLUMNS + FROM + where + " order by o.path, b.member_id limit ? offset ?";
        return jdbc.sql(sql).params(subtree.value(), subtree.upperBound(), month.atDay(1), limit, offset)
                .query((rs, i) -> map(rs)).list();
    }

    /** How many bills {@link #ofSubtree} lists, counted to {@link #COUNT_CAP} + 1 at most (the province's: 1.4 s). */
    public long countSubtree(TreePath subtree, YearMonth month, BillStatus status) {
        return jdbc.sql("select count(*) from (select 1" + FROM + inSubtree(status) + " limit ?) c")
                .params(subtree.value(), subtree.upperBound(), month.atDay(1), COUNT_CAP + 1)
                .query(Long.class).single();
    }

    /** The bills of a month in a subtree ([path, upper bound), month), of one status or all. */
    private static String inSubtree(BillStatus status) {
        return " where o.path >= ? and o.path < ? and b.month = ?"
                + (status == null ? "" : " and b.status = '" + status.name() + "'");
    }

    public List<Row> ofMember(long memberId, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where b.member_id = ? order by b.month desc limit ?")
                .params(memberId, limit).query((rs, i) -> map(rs)).list();
    }

    public Optional<Row> find(long memberId, YearMonth month) {
        return jdbc.sql("select " + COLUMNS + FROM + " where b.member_id = ? and b.month = ?")
                .params(memberId, month.atDay(1)).query((rs, i) -> map(rs)).optional();
    }

    /** Voids an OPEN bill nobody paid anything of; empty when it is not (any longer) such a bill. */
    public Optional<Row> voidOpen(long memberId, YearMonth month, String reason) {
        return jdbc.sql("update dues_bill b set status = 'VOID', void_reason = ? from organization o"
                        + " where o.id = b.org_id and b.member_id = ? and b.month = ? and b.status = 'OPEN'"
                        + " and b.paid = 0 returning " + COLUMNS)
                .params(reason, memberId, month.atDay(1)).query((rs, i) -> map(rs)).optional();
    }

    public long insertRun(long orgId, String orgPath, YearMonth month, int bills, BigDecimal amount, long millis,
                          String by) {
        return jdbc.sql("""
                        insert into dues_bill_run (org_id, org_path, month, bills, amount, millis, made_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, orgPath, month.atDay(1), bills, amount, (int) Math.min(millis, Integer.MAX_VALUE), by)
                .query(Long.class).single();
    }

    /** Whether a run of the month covers the organization: one of it or of an ancestor. */
    public boolean covered(TreePath path, YearMonth month) {
        List<String> prefixes = new java.util.ArrayList<>();
        TreePath p = null;
        for (Long id : path.ids()) {
            p = p == null ? TreePath.root(id) : p.child(id);
            prefixes.add(p.value());
        }
        return jdbc.sql("select exists (select 1 from dues_bill_run where month = :month and org_path in (:paths))")
                .param("month", month.atDay(1)).param("paths", prefixes).query(Boolean.class).single();
    }

    /** The latest runs within a subtree (its own and its organizations'), newest first. */
    public List<BillRun> runs(TreePath subtree, int limit) {
        return jdbc.sql("select * from dues_bill_run where org_path >= ? and org_path < ? order by id desc limit ?")
                .params(subtree.value(), subtree.upperBound(), limit)
                .query((rs, i) -> {
                    OffsetDateTime at = rs.getObject("made_at", OffsetDateTime.class);
                    return new BillRun(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                            YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getInt("bills"),
                            rs.getBigDecimal("amount"), 0, 0, rs.getLong("millis"), rs.getString("made_by"),
                            at == null ? null : at.toInstant());
                }).list();
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("member_id"), YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getLong("org_id"), rs.getString("org_path"), rs.getString("org_name"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("paid"),
                BillStatus.valueOf(rs.getString("status")), rs.getObject("base_id", Long.class),
                rs.getObject("relief_id", Long.class), rs.getString("void_reason"));
    }
}
