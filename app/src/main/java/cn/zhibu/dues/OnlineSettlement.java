package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * An online order the provider confirmed as paid, after its notification's signature and amount were checked: the
 * months it pays (each in full, as billed or prepaid) and any voluntary extra (F7) on top.
 *
 * @param orderId               the platform's order (unique: settling it twice posts one entry)
 * @param providerTransactionId the provider's id of the payment, kept on the entry for reconciliation
 */
public record OnlineSettlement(long orderId, long memberId, List<YearMonth> months, BigDecimal dues, BigDecimal extra,
                               String providerTransactionId, Instant paidAt) {
}
