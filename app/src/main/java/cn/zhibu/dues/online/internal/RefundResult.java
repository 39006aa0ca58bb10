package cn.zhibu.dues.online.internal;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A refund as the provider describes it (the refund API's answer, its query, or a REFUND notification's resource,
 * which names the status {@code refund_status} instead of {@code status}).
 *
 * @param status SUCCESS, PROCESSING, CLOSED or ABNORMAL
 */
public record RefundResult(String mchid, String outTradeNo, String transactionId, String outRefundNo, String refundId,
                           String status, long refundFen, long totalFen, Instant successTime) {

    public static RefundResult of(JsonNode json) {
        String status = Transaction.text(json, "status");
        if (status == null) {
            status = Transaction.text(json, "refund_status");
        }
        JsonNode amount = json.path("amount");
        return new RefundResult(Transaction.text(json, "mchid"), Transaction.text(json, "out_trade_no"),
                Transaction.text(json, "transaction_id"), Transaction.text(json, "out_refund_no"),
                Transaction.text(json, "refund_id"), status, amount.path("refund").asLong(-1),
                amount.path("total").asLong(-1), Transaction.time(Transaction.text(json, "success_time")));
    }

    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }

    public boolean failed() {
        return "CLOSED".equals(status) || "ABNORMAL".equals(status);
    }
}
