package cn.zhibu.support;

import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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

    /** Where a member is in the registry now: where their bills are made. */
    public record Place(long orgId, String orgPath, long rootId) {
    }

    public Place placeOf(long memberId) {
        return jdbc.sql("select org_id, org_path, root_id from registry_member where member_id = ?").param(memberId)
                .query((rs, i) -> new Place(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
    }

    /** An OPEN bill of the amount for each month from..to of the member. */
    public void bills(long memberId, YearMonth from, YearMonth to, String amount) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        bills(memberId, new BigDecimal(amount), months);
    }

    /**
     * OPEN bills of the amount for the member's months where they are now (a month billed already is left as it is),
     * with the DUE and BILLS deltas of the bills made, in one transaction (the caller's, if any).
     */
    public Place bills(long memberId, BigDecimal amount, List<YearMonth> months) {
        return tx.execute(s -> {
            Place place = placeOf(memberId);
            List<Long> ancestors = new TreePath(place.orgPath()).ids();
            MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
            long cents = amount.movePointRight(2).longValueExact();
            for (YearMonth m : months) {
                int made = jdbc.sql("""
                                insert into dues_bill (member_id, month, org_id, root_id, amount, status)
                                values (?, ?, ?, ?, ?, 'OPEN') on conflict do nothing""")
                        .params(memberId, m.atDay(1), place.orgId(), place.rootId(), amount)
                        .update();
                if (made > 0) {
                    delta.add(ancestors, "DUE", m, cents);
                    delta.add(ancestors, "BILLS", m, 1);
                }
            }
            rollup.apply(delta);
            return place;
        });
    }

    /** A base row (F1) from a month on: what prepaid months not yet billed cost. */
    public void base(long memberId, YearMonth from, String amount) {
        jdbc.sql("""
                        insert into dues_base (member_id, org_id, category, effective_month, computed, amount, source,
                            recorded_by)
                        select member_id, org_id, 'SALARIED', ?, ?, ?, 'FORM', '测试'
                        from registry_member where member_id = ?""")
                .params(from.atDay(1), new BigDecimal(amount), new BigDecimal(amount), memberId).update();
    }
}
