package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesLedgerAuditAction;
import cn.zhibu.dues.DuesMonths;
import cn.zhibu.dues.DuesPaid;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.dues.LedgerEntry.Allocation;
import cn.zhibu.dues.LedgerEntryKind;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import cn.zhibu.dues.internal.LedgerRecords.Bill;
import cn.zhibu.dues.internal.LedgerRecords.Located;
import cn.zhibu.dues.internal.LedgerRecords.RegistryMember;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MonthlyRollup;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static cn.zhibu.dues.internal.LedgerRollup.ancestors;
import static cn.zhibu.dues.internal.LedgerRollup.cents;

/**
 * Posts to the ledger, the one place that does, for the branch's recorded payments and online ones alike: checks
 * the months (F6), allocates each its bill's dues, marks the bills paid, adds the roll-up deltas, audits, and
 * publishes {@link DuesPaid} — all in the caller's transaction. A correction is a reversing entry that undoes all of
 * it exactly. Callers have checked the caller's scope and the form.
 */
@Component
public class LedgerPosting {

    private final LedgerRecords records;
    private final LedgerRollup rollup;
    private final BillAmounts amounts;
    private final DuesSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    LedgerPosting(LedgerRecords records, LedgerRollup rollup, BillAmounts amounts, DuesSettings settings,
                  AuditLog audit, ApplicationEventPublisher events) {
        this.records = records;
        this.rollup = rollup;
        this.amounts = amounts;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    /** One month as a payment would pay it: its bill (null when not yet billed: a prepayment) and what it costs. */
    public record MonthDue(YearMonth month, Bill bill, BigDecimal amount) {
    }

    /**
     * What paying these months costs, month by month, with how many are back-paid (before the current month) and
     * prepaid (after it).
     */
    public record Quote(List<MonthDue> months, int backPaid, int prepaid) {

        public BigDecimal total() {
            return months.stream().map(MonthDue::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** F6: a back-payment or a prepayment needs the branch's consent. */
        public boolean needsConsent() {
            return backPaid > 0 || prepaid > 0;
        }
    }

    /**
     * Checks the months against the bills and F6 and prices them; locks the member's bills, so call it in the
     * posting's transaction. Refuses with an error on {@code months}.
     */
    public Quote quote(RegistryMember member, List<YearMonth> requested) {
        return quote(member, requested, YearMonth.now());
    }

    /** As {@link #quote(RegistryMember, List)}, counting months back and ahead from {@code current}. */
    public Quote quote(RegistryMember member, List<YearMonth> requested, YearMonth current) {
        records.lockMember(member.memberId());
        TreeSet<YearMonth> months = new TreeSet<>(requested);
        Map<YearMonth, Bill> bills = records.billsForUpdate(member.memberId(), months);
        var prepaid = records.allocatedMonths(member.memberId(), months.stream()
                .filter(m -> !bills.containsKey(m)).toList());
        List<MonthDue> dues = new ArrayList<>();
        int back = 0;
        int ahead = 0;
        for (YearMonth month : months) {
            String label = DuesMonths.label(month);
            if (month.isBefore(settings.firstMonth())) {
                throw months(label + "早于本平台开始收缴党费的月份（" + settings.firstMonth() + "）");
            }
            Bill bill = bills.get(month);
            BigDecimal amount;
            if (bill != null) {
                amount = switch (bill.status()) {
                    case "OPEN" -> bill.amount().subtract(bill.paid());
                    case "PAID" -> throw months(label + "的党费已交清");
                    case "WAIVED" -> throw months(label + "的党费已批准免交");
                    default -> throw months(label + "的账单已作废，请待重新出账后再交");
                };
            } else if (month.isBefore(current)) {
                throw months(label + "尚无账单，无需补交");
            } else if (prepaid.contains(month)) {
                throw months(label + "的党费已预交");
            } else {
                // priced as the bill run will price it (BillAmounts): the month costs what its bill comes to
                amount = amounts.amount(member.memberId(), member.probationary(), member.joinedOn(), month).orElseThrow(() ->
                        months("该党员尚未核定党费基数，不能预交" + label + "的党费"));
                if (amount.signum() == 0) {
                    throw months(label + "的党费已批准免交");
                }
            }
            if (month.isBefore(current)) {
                back++;
            } else if (month.isAfter(current)) {
                ahead++;
            }
            dues.add(new MonthDue(month, bill, amount));
        }
        if (back > settings.backPayMonths()) {
            throw months("一次补交党费最多" + settings.backPayMonths() + "个月（F6，第十二条），本次补交" + back + "个月");
        }
        if (ahead > settings.prepayMonths()) {
            throw months("一次预交党费最多" + settings.prepayMonths() + "个月（F6），本次预交" + ahead + "个月");
        }
        return new Quote(List.copyOf(dues), back, ahead);
    }

    private static InvalidInputException months(String message) {
        return InvalidInputException.of("months", message);
    }

    /** A payment to post: months (priced by {@link #quote}) and a voluntary extra, by one payer, on one day. */
    public record Payment(RegistryMember member, Quote quote, BigDecimal extra, PaymentMethod method, String receiptNo,
                          Payer payer, String payerName, LocalDate paidOn, String consent, Long onlineOrder,
                          java.time.Instant recordedAt) {

        /** Recorded now. */
        public Payment(RegistryMember member, Quote quote, BigDecimal extra, PaymentMethod method, String receiptNo,
                       Payer payer, String payerName, LocalDate paidOn, String consent, Long onlineOrder) {
            this(member, quote, extra, method, receiptNo, payer, payerName, paidOn, consent, onlineOrder, null);
        }
    }

    /** The entries a payment made: the months' PAYMENT and the voluntary EXTRA, either may be absent. */
    public record Posted(Long payment, Long extra) {

        public long any() {
            return payment != null ? payment : extra;
        }
    }

    public Posted post(DataScope actor, Payment p) {
        RegistryMember member = p.member();
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
        boolean online = p.method() == PaymentMethod.ONLINE;
        Long paymentId = null;
        Long extraId = null;
        Map<Long, Object> audited = new LinkedHashMap<>();
        if (!p.quote().months().isEmpty()) {
            NewEntry entry = entry(LedgerEntryKind.PAYMENT, member, p.quote().total(), p, actor);
            paymentId = records.insert(entry);
            List<Allocation> allocations = new ArrayList<>();
            for (MonthDue due : p.quote().months()) {
                allocations.add(new Allocation(due.month(), due.amount()));
                if (due.bill() != null) {
                    records.moveBill(member.memberId(), due.month(), due.amount(), "PAID");
                    delta.add(ancestors(due.bill().orgPath()), LedgerRollup.PAID, due.month(), cents(due.amount()));
                    delta.add(ancestors(due.bill().orgPath()), LedgerRollup.BILLS_PAID, due.month(), 1);
                } else {
                    delta.add(ancestors(member.orgPath()), LedgerRollup.PAID, due.month(), cents(due.amount()));
                }
            }
            records.insertAllocations(paymentId, member.memberId(), allocations);
            audited.put(paymentId, auditAfter(entry, allocations));
        }
        if (p.extra() != null && p.extra().signum() > 0) {
            // F7 (第十一条): a single voluntary payment of 1000 元 or more goes in full to the Center.
            NewEntry entry = entry(LedgerEntryKind.EXTRA, member, p.extra(), p, actor)
                    .toCenter(p.extra().compareTo(settings.centerThreshold()) >= 0);
            extraId = records.insert(entry);
            delta.add(ancestors(member.orgPath()), LedgerRollup.EXTRA, YearMonth.from(p.paidOn()), cents(p.extra()));
            audited.put(extraId, auditAfter(entry, List.of()));
        }
        if (paymentId == null && extraId == null) {
            throw months("请选择要交纳的月份，或填写自愿多交的金额");
        }
        rollup.apply(delta);
        Long months = paymentId;
        audited.forEach((id, after) -> audit.record(actor, action(id, months, online), "dues_entry", id,
                member.orgPath(), null, after));
        audited.keySet().forEach(id -> events.publishEvent(new DuesPaid(member.memberId(), id, false)));
        return new Posted(paymentId, extraId);
    }

    private static DuesLedgerAuditAction action(long id, Long paymentId, boolean online) {
        if (online) {
            return DuesLedgerAuditAction.PAID_ONLINE;
        }
        return Long.valueOf(id).equals(paymentId) ? DuesLedgerAuditAction.PAYMENT_RECORDED
                : DuesLedgerAuditAction.EXTRA_RECORDED;
    }

    private static NewEntry entry(LedgerEntryKind kind, RegistryMember member, BigDecimal amount, Payment p,
                                  DataScope actor) {
        return new NewEntry(kind, member.memberId(), member.orgId(), member.rootId(), amount,
                p.paidOn(), actor.actorName())
                .paidBy(p.method(), p.receiptNo(), p.payer(), p.payer() == Payer.SELF ? null : p.payerName())
                .consent(p.consent())
                .onlineOrder(p.onlineOrder())
                .recordedAt(p.recordedAt());
    }

    /** A remittance (上缴) of a branch to its higher committee; the REMITTED roll-up counts it by its last month. */
    public long remit(DataScope actor, long orgId, String orgPath, long rootId, long toOrgId, YearMonth from,
                      YearMonth to, BigDecimal amount, LocalDate paidOn, String receiptNo) {
        NewEntry entry = new NewEntry(LedgerEntryKind.REMITTANCE, null, orgId, rootId, amount, paidOn,
                actor.actorName()).remittedTo(toOrgId, from, to);
        entry.receiptNo = receiptNo;
        entry.method = PaymentMethod.TRANSFER;
        long id = records.insert(entry);
        rollup.apply(new MonthlyRollup.Delta().add(ancestors(orgPath), LedgerRollup.REMITTED, to, cents(amount)));
        audit.record(actor, DuesLedgerAuditAction.REMITTED, "dues_entry", id, orgPath, null, auditAfter(entry, List.of()));
        return id;
    }

    /**
     * Reverses an entry: the opposite amount, every allocation negated, the bills it paid reopened, every roll-up
     * delta it added taken back. An entry is reversed at most once, and a reversal is not itself reversed.
     */
    public long reverse(DataScope actor, Located original, String reason) {
        LedgerEntry e = original.entry();
        if (e.kind() == LedgerEntryKind.REVERSAL) {
            throw InvalidInputException.of("", "冲正分录不能再冲正");
        }
        if (e.memberId() != null) {
            records.lockMember(e.memberId());
        }
        if (records.entry(e.id()).map(l -> l.entry().reversedBy() != null).orElse(false)) {
            throw InvalidInputException.of("", "该笔账目已冲正，不能重复冲正");
        }
        NewEntry reversal = new NewEntry(LedgerEntryKind.REVERSAL, e.memberId(), e.orgId(), original.rootId(),
                e.amount().negate(), LocalDate.now(), actor.actorName())
                .reverses(e.id(), reason).onlineOrder(e.onlineOrder());
        reversal.method = e.method();
        long id = records.insert(reversal);
        MonthlyRollup.Delta delta = new MonthlyRollup.Delta();
        List<Allocation> negated = new ArrayList<>();
        if (!e.allocations().isEmpty()) {
            Map<YearMonth, Bill> bills = records.billsForUpdate(e.memberId(),
                    e.allocations().stream().map(Allocation::month).toList());
            for (Allocation a : e.allocations()) {
                negated.add(new Allocation(a.month(), a.amount().negate()));
                Bill bill = bills.get(a.month());
                // The payment counted PAID where the bill was when it paid it, or where the member was when the
                // month was prepaid before its bill existed.
                boolean billedWhenPaid = bill != null && bill.createdAt().isBefore(e.recordedAt());
                String paidAt = billedWhenPaid ? bill.orgPath() : original.orgPath();
                delta.add(ancestors(paidAt), LedgerRollup.PAID, a.month(), -cents(a.amount()));
                if (bill != null) {
                    BigDecimal paid = bill.paid().subtract(a.amount());
                    boolean reopens = "PAID".equals(bill.status()) && paid.compareTo(bill.amount()) < 0;
                    records.moveBill(e.memberId(), a.month(), a.amount().negate(), reopens ? "OPEN" : bill.status());
                    if (reopens) {
                        delta.add(ancestors(bill.orgPath()), LedgerRollup.BILLS_PAID, a.month(), -1);
                    }
                }
            }
            records.insertAllocations(id, e.memberId(), negated);
        }
        if (e.kind() == LedgerEntryKind.EXTRA) {
            delta.add(ancestors(original.orgPath()), LedgerRollup.EXTRA, YearMonth.from(e.paidOn()), -cents(e.amount()));
        } else if (e.kind() == LedgerEntryKind.REMITTANCE) {
            delta.add(ancestors(original.orgPath()), LedgerRollup.REMITTED, e.periodTo(), -cents(e.amount()));
        }
        rollup.apply(delta);
        audit.record(actor, DuesLedgerAuditAction.REVERSED, "dues_entry", id, original.orgPath(), null,
                auditAfter(reversal, negated));
        if (e.memberId() != null) {
            events.publishEvent(new DuesPaid(e.memberId(), id, true));
        }
        return id;
    }

    /** Notes the 中组部's receipt for a voluntary payment that went to the Center (F7). */
    public void noteCenterReceipt(DataScope actor, Located entry, String receiptNo, LocalDate receivedOn) {
        records.insertCenterReceipt(entry.entry().id(), receiptNo, receivedOn, actor.actorName());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("entryId", entry.entry().id());
        after.put("centerReceiptNo", receiptNo);
        after.put("receivedOn", receivedOn.toString());
        audit.record(actor, DuesLedgerAuditAction.CENTER_RECEIPT_NOTED, "dues_entry", entry.entry().id(),
                entry.orgPath(), null, after);
    }

    /** The audit entry's "after": what was written, by field name (amounts as text: exact). */
    private static Map<String, Object> auditAfter(NewEntry e, List<Allocation> allocations) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", e.kind.name());
        after.put("memberId", e.memberId);
        after.put("orgId", e.orgId);
        after.put("amount", e.amount.toPlainString());
        after.put("method", e.method == null ? null : e.method.name());
        after.put("receiptNo", e.receiptNo);
        after.put("payer", e.payer == null ? null : e.payer.name());
        after.put("payerName", e.payerName);
        after.put("paidOn", e.paidOn.toString());
        after.put("consent", e.consent);
        after.put("toCenter", e.toCenter);
        after.put("reverses", e.reverses);
        after.put("reason", e.reason);
        after.put("onlineOrder", e.onlineOrder);
        after.put("toOrgId", e.toOrgId);
        after.put("periodFrom", e.periodFrom == null ? null : e.periodFrom.toString());
        after.put("periodTo", e.periodTo == null ? null : e.periodTo.toString());
        after.put("months", allocations.stream().map(a -> a.month() + " " + a.amount().toPlainString()).toList());
        after.values().removeIf(java.util.Objects::isNull);
        return after;
    }

    public Optional<Located> entry(long id) {
        return records.entry(id);
    }
}
