package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesPayments;
import cn.zhibu.dues.LedgerEntryKind;
import cn.zhibu.dues.OnlineSettlement;
import cn.zhibu.dues.OpenBill;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import cn.zhibu.dues.internal.LedgerPosting.Quote;
import cn.zhibu.dues.internal.LedgerRecords.RegistryMember;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The ledger as online payment sees it ({@link DuesPayments}). The online module has checked who pays (the member
 * themself) and the provider's signature and amount; here the months are checked again against the bills as they
 * are now, the order is posted once (V34's unique index on the order backs the lookup), and a refund is a reversing
 * entry. The member pays online without a branch's consent form: the F6 month limits hold all the same.
 */
@Service
@Transactional(readOnly = true)
class OnlineLedger implements DuesPayments {

    private static final String SYSTEM_ACTOR = "在线支付";

    private final JdbcClient jdbc;
    private final LedgerRecords records;
    private final LedgerPosting posting;

    OnlineLedger(JdbcClient jdbc, LedgerRecords records, LedgerPosting posting) {
        this.jdbc = jdbc;
        this.records = records;
        this.posting = posting;
    }

    @Override
    public List<OpenBill> openBills(long memberId) {
        return jdbc.sql("""
                        select member_id, month, org_id, amount, paid from dues_bill
                        where member_id = ? and status = 'OPEN' order by month""")
                .param(memberId)
                .query((rs, i) -> new OpenBill(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                        rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    @Override
    @Transactional
    public BigDecimal quote(long memberId, List<YearMonth> months) {
        if (months == null || months.isEmpty()) {
            throw InvalidInputException.of("months", "请选择要交纳的月份");
        }
        return posting.quote(member(memberId), months).total();
    }

    @Override
    @Transactional
    public long settleOnline(OnlineSettlement s) {
        // One member's postings take turns: a repeated notification waits here, then finds the first one's entry.
        records.lockMember(s.memberId());
        Optional<Long> posted = postedEntry(s.orderId());
        if (posted.isPresent()) {
            return posted.get();
        }
        RegistryMember member = member(s.memberId());
        Quote quote = s.months().isEmpty() ? new Quote(List.of(), 0, 0) : posting.quote(member, s.months());
        BigDecimal dues = s.dues() == null ? BigDecimal.ZERO : s.dues();
        if (quote.total().compareTo(dues) != 0) {
            // The bills changed since the order was placed (paid at the branch, voided): the money cannot be posted as
            // these months' dues; the online module refunds the order.
            throw InvalidInputException.of("months", "订单金额" + dues.toPlainString() + "元与所交月份的党费"
                    + quote.total().toPlainString() + "元不符");
        }
        LocalDate paidOn = LocalDate.ofInstant(s.paidAt(), ZoneId.systemDefault());
        DataScope actor = DataScope.system(SYSTEM_ACTOR);
        return posting.post(actor, new LedgerPosting.Payment(member, quote, s.extra(), PaymentMethod.ONLINE,
                s.providerTransactionId(), Payer.SELF, null, paidOn, null, s.orderId())).any();
    }

    @Override
    @Transactional
    public long reverseOnline(long orderId, String reason, String actor) {
        List<Long> entries = jdbc.sql("""
                        select id from dues_entry where online_order = ? and kind in ('PAYMENT', 'EXTRA')
                        order by case kind when 'PAYMENT' then 0 else 1 end""")
                .param(orderId).query(Long.class).list();
        if (entries.isEmpty()) {
            throw new NotFoundException("该订单没有入账记录");
        }
        DataScope scope = DataScope.system(actor == null || actor.isBlank() ? SYSTEM_ACTOR : actor);
        Long first = null;
        for (long id : entries) {
            var located = records.entry(id).orElseThrow();
            long reversal = located.entry().reversedBy() != null ? located.entry().reversedBy()
                    : posting.reverse(scope, located, reason);
            first = first == null ? reversal : first;
        }
        return first;
    }

    private Optional<Long> postedEntry(long orderId) {
        return records.entryOfOrder(orderId, LedgerEntryKind.PAYMENT)
                .or(() -> records.entryOfOrder(orderId, LedgerEntryKind.EXTRA));
    }

    private RegistryMember member(long memberId) {
        return records.member(memberId).orElseThrow(() -> new NotFoundException("党员不存在或已不在党员名册中"));
    }
}
