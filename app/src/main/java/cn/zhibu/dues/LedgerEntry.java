package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One ledger entry as written, with its allocation to months and, when it was reversed, the reversing entry.
 *
 * @param reversedBy the entry that reversed this one, or null
 * @param toCenter   F7: a voluntary payment of 1000 元 or more, which goes in full to the Center
 */
public record LedgerEntry(long id, LedgerEntryKind kind, Long memberId, long orgId, BigDecimal amount,
                          PaymentMethod method, String receiptNo, Payer payer, String payerName, LocalDate paidOn,
                          Long reverses, Long reversedBy, String reason, String consent, boolean toCenter,
                          String centerReceiptNo, Long onlineOrder, Long toOrgId, YearMonth periodFrom,
                          YearMonth periodTo, String recordedBy, Instant recordedAt, List<Allocation> allocations) {

    /** What an entry put on one month (negative on a reversal). */
    public record Allocation(YearMonth month, BigDecimal amount) {
    }

    public LedgerEntry withAllocations(List<Allocation> list) {
        return new LedgerEntry(id, kind, memberId, orgId, amount, method, receiptNo, payer, payerName, paidOn, reverses,
                reversedBy, reason, consent, toCenter, centerReceiptNo, onlineOrder, toOrgId, periodFrom, periodTo,
                recordedBy, recordedAt, List.copyOf(list));
    }
}
