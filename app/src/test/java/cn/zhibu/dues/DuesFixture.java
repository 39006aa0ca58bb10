package cn.zhibu.dues;

import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.support.DuesBillFixture;
import cn.zhibu.platform.TreePath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Writes bills (through {@link DuesBillFixture}, the one writer of test bills) and payments the way DUES.md says the bill run and the ledger do — rows, roll-up deltas (DUE, BILLS;
 * PAID, BILLS_PAID) at every ancestor, and the events ({@link DuesBillsMade}, {@link DuesPaid}) inside the same
 * transaction — so the views and the arrears fact can be tested before those writers are merged.
 */
@Component
public class DuesFixture {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MonthlyRollup rollup;
    private final DuesBillFixture billFixture;

    DuesFixture(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, DuesBillFixture billFixture) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.billFixture = billFixture;
        this.rollup = new MonthlyRollup(jdbc, "dues_rollup");
    }

    /** OPEN bills of {@code amount} for one member and these months, where the member is now; then the bill event. */
    public void bills(long memberId, BigDecimal amount, YearMonth... months) {
        tx.executeWithoutResult(s -> {
            DuesBillFixture.Place place = billFixture.bills(memberId, amount, List.of(months));
            for (YearMonth month : months) {
                events.publishEvent(new DuesBillsMade(place.orgId(), place.orgPath(), month, 1));
            }
        });
    }

    /** A PAYMENT entry covering these months in full (their bills become PAID), then {@link DuesPaid}. */
    public long pay(long memberId, YearMonth... months) {
        return tx.execute(s -> {
            DuesBillFixture.Place place = billFixture.placeOf(memberId);
            BigDecimal total = BigDecimal.ZERO;
            for (YearMonth month : months) {
                total = total.add(billAmount(memberId, month));
            }
            long entryId = jdbc.sql("""
                            insert into dues_entry (kind, member_id, org_id, root_id, amount, method, receipt_no, payer,
                                                    paid_on, recorded_by)
                            values ('PAYMENT', ?, ?, ?, ?, 'CASH', ?, 'SELF', ?, '测试') returning id""")
                    .params(memberId, place.orgId(), place.rootId(), total,
                            "R" + System.nanoTime() % 1_000_000_000, LocalDate.now())
                    .query(Long.class).single();
            for (YearMonth month : months) {
                BigDecimal amount = billAmount(memberId, month);
                jdbc.sql("insert into dues_allocation (entry_id, member_id, month, amount) values (?, ?, ?, ?)")
                        .params(entryId, memberId, month.atDay(1), amount).update();
                jdbc.sql("update dues_bill set paid = amount, status = 'PAID' where member_id = ? and month = ?")
                        .params(memberId, month.atDay(1)).update();
                rollup.apply(new MonthlyRollup.Delta()
                        .add(new TreePath(place.orgPath()).ids(), "PAID", month, cents(amount))
                        .add(new TreePath(place.orgPath()).ids(), "BILLS_PAID", month, 1));
            }
            events.publishEvent(new DuesPaid(memberId, entryId, false));
            return entryId;
        });
    }

    /** A 上缴 of an organization to its parent, covering months up to {@code to}. */
    public void remit(long orgId, long toOrgId, BigDecimal amount, YearMonth from, YearMonth to) {
        tx.executeWithoutResult(s -> {
            DuesBillFixture.Place place = jdbc.sql("select id, path, root_id from organization where id = ?").param(orgId)
                    .query((rs, i) -> new DuesBillFixture.Place(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
            jdbc.sql("""
                            insert into dues_entry (kind, org_id, root_id, amount, receipt_no, paid_on, to_org_id,
                                                    period_from, period_to, recorded_by)
                            values ('REMITTANCE', ?, ?, ?, ?, ?, ?, ?, ?, '测试')""")
                    .params(orgId, place.rootId(), amount, "SJ" + System.nanoTime() % 1_000_000,
                            LocalDate.now(), toOrgId, from.atDay(1), to.atDay(1))
                    .update();
            rollup.apply(new MonthlyRollup.Delta().add(new TreePath(place.orgPath()).ids(), "REMITTED", to, cents(amount)));
        });
    }

    /** Folds the pending roll-up rows (as the folder task does every second). */
    public void fold() {
        rollup.fold();
        new MonthlyRollup(jdbc, "dues_arrears_rollup").fold();
    }

    public List<String> statuses(long memberId) {
        return jdbc.sql("select month || ' ' || status from dues_bill where member_id = ? order by month")
                .param(memberId).query(String.class).list();
    }

    private BigDecimal billAmount(long memberId, YearMonth month) {
        return jdbc.sql("select amount from dues_bill where member_id = ? and month = ?")
                .params(memberId, month.atDay(1)).query(BigDecimal.class).single();
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
