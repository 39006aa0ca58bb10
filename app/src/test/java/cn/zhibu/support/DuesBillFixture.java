package cn.zhibu.support;

import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Bills and bases for ledger tests, written as DUES.md says the bills helper's generator writes them: an OPEN bill
 * where the member belongs, with its DUE (分) and BILLS deltas at each ancestor, in one transaction.
 */
@Component
public class DuesBillFixture {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MonthlyRollup rollup;

    public DuesBillFixture(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rollup = new MonthlyRollup(jdbc, "dues_rollup");
    }

    /** An OPEN bill of the amount for each month from..to of the member. */
    public void bills(long memberId, YearMonth from, YearMonth to, String amount) {
        tx.executeWithoutResult(s -> {
            record Where(long orgId, String path, long rootId) {
            }
            Where where = jdbc.sql("select org_id, org_path, root_id from registry_member where member_id = ?")
                    .param(memberId).query((rs, i) -> new Where(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                    .single();
            MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
            long cents = new BigDecimal(amount).movePointRight(2).longValueExact();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                jdbc.sql("""
                                insert into dues_bill (member_id, month, org_id, org_path, root_id, amount, status)
                                values (?, ?, ?, ?, ?, ?, 'OPEN')""")
                        .params(memberId, m.atDay(1), where.orgId(), where.path(), where.rootId(), new BigDecimal(amount))
                        .update();
                delta.add(new TreePath(where.path()).ids(), "DUE", m, cents);
                delta.add(new TreePath(where.path()).ids(), "BILLS", m, 1);
            }
            rollup.apply(delta);
        });
    }

    /** A base row (F1) from a month on: what prepaid months not yet billed cost. */
    public void base(long memberId, YearMonth from, String amount) {
        jdbc.sql("""
                        insert into dues_base (member_id, org_id, org_path, category, effective_month, computed, amount,
                            source, recorded_by)
                        select member_id, org_id, org_path, 'SALARIED', ?, ?, ?, 'FORM', '测试'
                        from registry_member where member_id = ?""")
                .params(from.atDay(1), new BigDecimal(amount), new BigDecimal(amount), memberId).update();
    }
}
