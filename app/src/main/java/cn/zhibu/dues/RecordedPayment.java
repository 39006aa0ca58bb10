package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A payment the branch received and records (F6, F7): the months it pays, each at its bill's dues (or, for a month
 * not yet billed, what the member would be billed now) — the amount is never typed — and any voluntary extra.
 *
 * @param payerName who handed it over, for a relative or another member (F6 第十二条); null for the member
 * @param consent   who in the branch consented to a back-payment or prepayment (F6); null when none is needed
 * @param extra     a voluntary extra on top of the months (F7), or null
 */
public record RecordedPayment(long memberId, List<YearMonth> months, PaymentMethod method, String receiptNo,
                              Payer payer, String payerName, LocalDate paidOn, String consent, BigDecimal extra) {

    public RecordedPayment {
        months = months == null ? List.of() : List.copyOf(months);
    }
}
