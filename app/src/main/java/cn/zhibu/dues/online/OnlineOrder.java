package cn.zhibu.dues.online;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A member's online payment of 党费: the months it pays (in full), any voluntary extra (F7), the total, and where it
 * stands at the provider. {@code h5Url} is where the member's phone pays (shown to the member only, while unpaid).
 */
public record OnlineOrder(long id, String outTradeNo, long memberId, long orgId, List<YearMonth> months,
                          BigDecimal dues, BigDecimal extra, BigDecimal total, OnlineOrderStatus status, String h5Url,
                          String transactionId, Instant paidAt, Instant createdAt, Instant expiresAt,
                          String refundReason) {

    public String statusLabel() {
        return status.label();
    }
}
