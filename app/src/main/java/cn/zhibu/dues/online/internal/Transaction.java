package cn.zhibu.dues.online.internal;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A payment as the provider describes it, in a query's answer or a TRANSACTION notification's decrypted resource.
 *
 * @param tradeState SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING or PAYERROR
 * @param totalFen   the order's amount in 分 as the provider holds it
 */
public record Transaction(String mchid, String appid, String outTradeNo, String transactionId, String tradeState,
                          long totalFen, Instant successTime) {

    public static Transaction of(JsonNode json) {
        JsonNode amount = json.path("amount");
        return new Transaction(text(json, "mchid"), text(json, "appid"), text(json, "out_trade_no"),
                text(json, "transaction_id"), text(json, "trade_state"),
                amount.path("total").asLong(-1), time(text(json, "success_time")));
    }

    /** Paid, whether or not refunded since. */
    public boolean paid() {
        return "SUCCESS".equals(tradeState) || "REFUND".equals(tradeState);
    }

    /** Will never be paid. */
    public boolean dead() {
        return "CLOSED".equals(tradeState) || "REVOKED".equals(tradeState) || "PAYERROR".equals(tradeState);
    }

    static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Instant time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
