package cn.zhibu.dues.internal;

import cn.zhibu.dues.LedgerEntryKind;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A ledger entry about to be written: the fields every kind has, then what a kind adds ("with" style, no setters). */
public final class NewEntry {

    final LedgerEntryKind kind;
    final Long memberId;
    final long orgId;
    final long rootId;
    final BigDecimal amount;
    final LocalDate paidOn;
    final String recordedBy;
    PaymentMethod method;
    String receiptNo;
    Payer payer;
    String payerName;
    Long reverses;
    String reason;
    String consent;
    boolean toCenter;
    Long onlineOrder;
    Long toOrgId;
    YearMonth periodFrom;
    YearMonth periodTo;
    /** When it was written; null: now (only the demo data writes a past year's entries as of their day). */
    java.time.Instant recordedAt;

    NewEntry(LedgerEntryKind kind, Long memberId, long orgId, long rootId, BigDecimal amount, LocalDate paidOn,
             String recordedBy) {
        this.kind = kind;
        this.memberId = memberId;
        this.orgId = orgId;
        this.rootId = rootId;
        this.amount = amount;
        this.paidOn = paidOn;
        this.recordedBy = recordedBy;
    }

    NewEntry paidBy(PaymentMethod method, String receiptNo, Payer payer, String payerName) {
        this.method = method;
        this.receiptNo = receiptNo;
        this.payer = payer;
        this.payerName = payerName;
        return this;
    }

    NewEntry consent(String consent) {
        this.consent = consent;
        return this;
    }

    NewEntry toCenter(boolean toCenter) {
        this.toCenter = toCenter;
        return this;
    }

    NewEntry onlineOrder(Long order) {
        this.onlineOrder = order;
        return this;
    }

    NewEntry recordedAt(java.time.Instant at) {
        this.recordedAt = at;
        return this;
    }

    NewEntry reverses(long entryId, String reason) {
        this.reverses = entryId;
        this.reason = reason;
        return this;
    }

    NewEntry remittedTo(long toOrgId, YearMonth from, YearMonth to) {
        this.toOrgId = toOrgId;
        this.periodFrom = from;
        this.periodTo = to;
        return this;
    }
}
