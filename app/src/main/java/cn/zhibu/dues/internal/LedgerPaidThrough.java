package cn.zhibu.dues.internal;

import cn.zhibu.member.DuesPaidThrough;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * 党费交至 from the ledger: the month before the member's oldest OPEN bill; with none open, the latest billed month,
 * carried on through the months paid ahead without a gap. Voided bills do not count; no bills at all: empty.
 */
@Component
class LedgerPaidThrough implements DuesPaidThrough {

    private final JdbcClient jdbc;

    LedgerPaidThrough(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<YearMonth> paidThrough(long memberId) {
        record Span(LocalDate firstOpen, LocalDate lastBilled) {
        }
        Span span = jdbc.sql("""
                        select min(month) filter (where status = 'OPEN'), max(month) from dues_bill
                        where member_id = ? and status <> 'VOID'""")
                .param(memberId)
                .query((rs, i) -> new Span(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .single();
        if (span.lastBilled() == null) {
            return Optional.empty();
        }
        if (span.firstOpen() != null) {
            return Optional.of(YearMonth.from(span.firstOpen()).minusMonths(1));
        }
        YearMonth through = YearMonth.from(span.lastBilled());
        for (YearMonth prepaid : jdbc.sql("""
                        select month from dues_allocation where member_id = ? and month > ?
                        group by month having sum(amount) > 0 order by month""")
                .params(memberId, span.lastBilled())
                .query((rs, i) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list()) {
            if (!prepaid.equals(through.plusMonths(1))) {
                break;
            }
            through = prepaid;
        }
        return Optional.of(through);
    }
}
