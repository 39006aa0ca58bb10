package cn.zhibu.dues;

import cn.zhibu.dues.internal.LedgerPosting;
import cn.zhibu.dues.internal.LedgerPosting.Quote;
import cn.zhibu.dues.internal.LedgerRecords;
import cn.zhibu.dues.internal.LedgerRecords.Located;
import cn.zhibu.dues.internal.LedgerRecords.RegistryMember;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The 党费 ledger as the branch keeps it: payments received in cash or by transfer (F6, F7), each month at its bill's
 * dues; corrections by reversing entries; the 中组部's receipt for an extra that went to the Center; a member's
 * ledger. Secretaries and 组织管理员 act on members of their subtree; a member reads only their own ledger; anyone
 * else, and any id out of scope, gets 404.
 */
@Service
@Transactional(readOnly = true)
public class DuesLedger {

    public static final int RECEIPT_LIMIT = 64;
    public static final int NAME_LIMIT = 50;
    public static final int REASON_LIMIT = 500;
    /** The largest voluntary extra one entry holds (numeric(12,2)): F7 sets no ceiling, the column does. */
    public static final BigDecimal EXTRA_LIMIT = new BigDecimal("99999999.99");
    private static final String MEMBER_NOT_FOUND = "党员不存在或不在您的管理范围内";
    private static final String ENTRY_NOT_FOUND = "账目不存在或不在您的查看范围内";

    private final LedgerRecords records;
    private final LedgerPosting posting;
    private final DuesPayments online;
    private final DuesSettings settings;
    private final DuesMemberAccess access;
    private final cn.zhibu.member.FloatingService floating;

    DuesLedger(LedgerRecords records, LedgerPosting posting, DuesPayments online, DuesSettings settings,
               DuesMemberAccess access, cn.zhibu.member.FloatingService floating) {
        this.access = access;
        this.floating = floating;
        this.records = records;
        this.posting = posting;
        this.online = online;
        this.settings = settings;
    }

    /** A month the branch may record a payment for: an open bill, or a month ahead the member may prepay. */
    public record PayableMonth(YearMonth month, BigDecimal amount, boolean billed) {
    }

    /** The months the payment form offers: the member's open bills, then up to {@code prepayMonths} months ahead. */
    @Transactional
    public List<PayableMonth> payableMonths(DataScope scope, long memberId) {
        RegistryMember member = managed(scope, memberId);
        List<PayableMonth> months = new ArrayList<>();
        for (OpenBill bill : online.openBills(memberId)) {
            months.add(new PayableMonth(bill.month(), bill.due(), true));
        }
        YearMonth current = YearMonth.now();
        for (int i = 1; i <= settings.prepayMonths(); i++) {
            YearMonth month = current.plusMonths(i);
            if (months.stream().noneMatch(m -> m.month().equals(month))) {
                try {
                    months.add(new PayableMonth(month, posting.quote(member, List.of(month)).total(), false));
                } catch (InvalidInputException notPayable) {
                    // already prepaid, or no base yet: the form does not offer it
                }
            }
        }
        return months;
    }

    /** Records a payment the branch received; returns the entries made (the months', then the extra). */
    @Transactional
    public List<LedgerEntry> record(DataScope scope, RecordedPayment p) {
        return record(scope, p, LocalDate.now(), null);
    }

    /**
     * As {@link #record}, as the branch recorded it on {@code asOf} (the demo data's past year, like the meetings'
     * {@code scheduleAsOf}): F6 counts back-paid and prepaid months from asOf's month, the entry is stamped at
     * {@code recordedAt}.
     */
    @Transactional
    public List<LedgerEntry> recordAsOf(DataScope scope, RecordedPayment p, java.time.Instant recordedAt) {
        LocalDate asOf = LocalDate.ofInstant(recordedAt, java.time.ZoneId.systemDefault());
        if (asOf.isAfter(LocalDate.now())) {
            throw InvalidInputException.of("paidOn", "登记日期不能晚于今天");
        }
        return record(scope, p, asOf, recordedAt);
    }

    private List<LedgerEntry> record(DataScope scope, RecordedPayment p, LocalDate asOf, java.time.Instant at) {
        RegistryMember member = managed(scope, p.memberId());
        check(p, asOf);
        if (p.payer() == Payer.WHERE_THEY_LIVE && floating.openOutflowOf(scope, p.memberId())
                .filter(o -> o.away() && o.certificateNo() != null && !o.certificateNo().isBlank()).isEmpty()) {
            throw InvalidInputException.of("payer", "只有持《流动党员活动证》的外出流动党员可以在流入地党组织交纳党费"
                    + "（F5，中组发〔2008〕3号 第九条）：请先在流动党员登记中填写其活动证编号");
        }
        Quote quote = posting.quote(member, p.months(), YearMonth.from(asOf));
        if (quote.needsConsent() && blank(p.consent())) {
            throw InvalidInputException.of("consent", "补交或预交党费须经支部同意，请填写同意人（F6，第十二条）");
        }
        LedgerPosting.Posted posted = posting.post(scope, new LedgerPosting.Payment(member, quote, p.extra(),
                p.method(), p.receiptNo().strip(), p.payer(), strip(p.payerName()), p.paidOn(),
                quote.needsConsent() ? p.consent().strip() : null, null, at));
        List<LedgerEntry> made = new ArrayList<>();
        for (Long id : new Long[]{posted.payment(), posted.extra()}) {
            if (id != null) {
                made.add(records.entry(id).orElseThrow().entry());
            }
        }
        return made;
    }

    /** What these months would cost now (the form's total), checked as a payment would be, saving nothing. */
    @Transactional
    public BigDecimal quote(DataScope scope, long memberId, List<YearMonth> months) {
        return posting.quote(managed(scope, memberId), months).total();
    }

    private void check(RecordedPayment p, LocalDate asOf) {
        FieldErrors errors = new FieldErrors();
        if (p.method() == null) {
            errors.reject("method", "请选择交纳方式");
        } else if (p.method() == PaymentMethod.ONLINE) {
            errors.reject("method", "在线支付由党员在手机上完成，支部只登记现金或转账");
        }
        if (blank(p.receiptNo())) {
            errors.reject("receiptNo", "请填写收据号（现金和转账都须有收据）");
        } else if (p.receiptNo().strip().length() > RECEIPT_LIMIT) {
            errors.reject("receiptNo", "收据号最多" + RECEIPT_LIMIT + "个字符");
        }
        if (p.payer() == null) {
            errors.reject("payer", "请选择交纳人");
        } else if (p.payer() == Payer.WHERE_THEY_LIVE && blank(p.payerName())) {
            errors.reject("payerName", "在流入地交纳的，请填写代收的流入地党组织名称（F5，第九条）");
        } else if (p.payer() != Payer.SELF && blank(p.payerName())) {
            errors.reject("payerName", "亲属或其他党员代交的，请填写代交人姓名（F6，第十二条）");
        }
        if (!blank(p.payerName()) && p.payerName().strip().length() > NAME_LIMIT) {
            errors.reject("payerName", "代交人姓名最多" + NAME_LIMIT + "个字符");
        }
        if (p.paidOn() == null) {
            errors.reject("paidOn", "请填写交纳日期");
        } else if (p.paidOn().isAfter(asOf)) {
            errors.reject("paidOn", "交纳日期不能晚于今天");
        }
        if (!blank(p.consent()) && p.consent().strip().length() > NAME_LIMIT) {
            errors.reject("consent", "同意人最多" + NAME_LIMIT + "个字符");
        }
        if (p.extra() != null && p.extra().signum() != 0) {
            if (p.extra().signum() < 0 || p.extra().scale() > 2 && p.extra().stripTrailingZeros().scale() > 2) {
                errors.reject("extra", "自愿多交的金额须大于0，最多两位小数");
            } else if (p.extra().compareTo(EXTRA_LIMIT) > 0) {
                errors.reject("extra", "自愿多交的金额一次最多" + EXTRA_LIMIT.toPlainString() + "元");
            }
        }
        if (p.months().size() > settings.backPayMonths() + settings.prepayMonths() + 1) {
            errors.reject("months", "一次所交月份过多：补交最多" + settings.backPayMonths() + "个月，预交最多"
                    + settings.prepayMonths() + "个月（F6）");
        }
        errors.throwIfAny();
    }

    /** Reverses an entry of the caller's subtree with the reason; returns the reversing entry. */
    @Transactional
    public LedgerEntry reverse(DataScope scope, long entryId, String reason) {
        Located entry = writable(scope, entryId);
        if (blank(reason)) {
            throw InvalidInputException.of("reason", "请说明冲正原因");
        }
        if (reason.strip().length() > REASON_LIMIT) {
            throw InvalidInputException.of("reason", "冲正原因最多" + REASON_LIMIT + "个字符");
        }
        long id = posting.reverse(scope, entry, reason.strip());
        return records.entry(id).orElseThrow().entry();
    }

    /** Notes the 中组部's receipt for a voluntary payment that went to the Center (F7, 第十一条). */
    @Transactional
    public LedgerEntry noteCenterReceipt(DataScope scope, long entryId, String receiptNo, LocalDate receivedOn) {
        Located entry = writable(scope, entryId);
        FieldErrors errors = new FieldErrors();
        if (!entry.entry().toCenter()) {
            errors.reject("", "只有交至中央的自愿多交党费（一次1000元以上）才登记中组部收据");
        } else if (entry.entry().reversedBy() != null) {
            errors.reject("", "该笔账目已冲正");
        } else if (entry.entry().centerReceiptNo() != null) {
            errors.reject("", "已登记中组部收据：" + entry.entry().centerReceiptNo());
        }
        if (blank(receiptNo)) {
            errors.reject("receiptNo", "请填写中组部收据号");
        } else if (receiptNo.strip().length() > RECEIPT_LIMIT) {
            errors.reject("receiptNo", "收据号最多" + RECEIPT_LIMIT + "个字符");
        }
        if (receivedOn == null) {
            errors.reject("receivedOn", "请填写收据日期");
        } else if (receivedOn.isAfter(LocalDate.now()) || receivedOn.isBefore(entry.entry().paidOn())) {
            errors.reject("receivedOn", "收据日期须在交纳日期与今天之间");
        }
        errors.throwIfAny();
        posting.noteCenterReceipt(scope, entry, receiptNo.strip(), receivedOn);
        return records.entry(entryId).orElseThrow().entry();
    }

    /** One entry: for those who manage its organization, or the member it is about. */
    public LedgerEntry entry(DataScope scope, long entryId) {
        Located entry = records.entry(entryId).orElseThrow(() -> new NotFoundException(ENTRY_NOT_FOUND));
        boolean own = entry.entry().memberId() != null && entry.entry().memberId().equals(scope.selfMemberId());
        if (!own && !scope.managesMembersAt(entry.orgPath())) {
            throw new NotFoundException(ENTRY_NOT_FOUND);
        }
        return entry.entry();
    }

    /** A member's ledger, newest first: for those who manage the member, or the member. */
    public List<LedgerEntry> ledgerOf(DataScope scope, long memberId, int limit) {
        access.requireReadable(scope, memberId);
        return records.entriesOf(memberId, Math.max(1, Math.min(limit, 500)));
    }

    /** A member's bill as the ledger shows it beside the entries. */
    public record BillLine(YearMonth month, BigDecimal amount, BigDecimal paid, String status) {

        public String statusLabel() {
            return switch (status) {
                case "OPEN" -> "未交";
                case "PAID" -> "已交";
                case "WAIVED" -> "免交";
                case "VOID" -> "已作废";
                default -> status;
            };
        }
    }

    /** A member's bills, newest first (at most {@code limit}): for the member, or those who may read their ledger. */
    public List<BillLine> billsOf(DataScope scope, long memberId, int limit) {
        access.requireReadable(scope, memberId);
        return records.billsOf(memberId, Math.max(1, Math.min(limit, 240)));
    }

    private Located writable(DataScope scope, long entryId) {
        Located entry = records.entry(entryId).orElseThrow(() -> new NotFoundException(ENTRY_NOT_FOUND));
        if (!scope.managesMembersAt(entry.orgPath())) {
            throw new NotFoundException(ENTRY_NOT_FOUND);
        }
        return entry;
    }

    private RegistryMember managed(DataScope scope, long memberId) {
        RegistryMember member = records.member(memberId).orElseThrow(() -> new NotFoundException(MEMBER_NOT_FOUND));
        if (!scope.managesMembersAt(member.orgPath())) {
            throw new NotFoundException(MEMBER_NOT_FOUND);
        }
        return member;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
