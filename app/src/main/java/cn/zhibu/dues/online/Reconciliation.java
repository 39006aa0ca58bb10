package cn.zhibu.dues.online;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One comparison of a day's trade bill with the orders, and what it found (only findings the viewer's scope covers).
 *
 * @param statementSha1 the bill file's SHA1, which matched the provider's (null: no bill that day)
 */
public record Reconciliation(long id, LocalDate billDate, String statementSha1, int trades, int findings, String runBy,
                             Instant runAt, List<Finding> visibleFindings) {

    /** A difference between the bill and the orders. Amounts in 分. */
    public record Finding(Kind kind, String outTradeNo, Long orderId, Long billFen, Long orderFen) {
        public String kindLabel() {
            return kind.label();
        }
    }

    public enum Kind {
        SETTLED_FROM_BILL("微信支付已收款、本平台未入账：已按对账单补记"),
        MISSING_FROM_BILL("本平台已入账、对账单中没有"),
        AMOUNT_DIFFERS("金额不一致（未入账）"),
        UNKNOWN_TRADE("对账单中有本平台不存在的订单"),
        REFUND_NOT_RECORDED("微信支付已退款、本平台未记：已按对账单冲正");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
