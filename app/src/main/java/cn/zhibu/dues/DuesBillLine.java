package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A bill as the views show it: month, amount, what was paid of it, its status in Chinese, and why it is unpaid. */
public record DuesBillLine(long memberId, String name, YearMonth month, BigDecimal amount, BigDecimal paid,
                           String status, String justified, String voidReason, int arrearsMonths) {

    public String statusLabel() {
        return switch (status) {
            case "OPEN" -> justified == null ? "未交" : "未交（有正当理由）";
            case "PAID" -> "已交";
            case "WAIVED" -> "免交";
            case "VOID" -> "已作废";
            default -> status;
        };
    }

    public BigDecimal owed() {
        return "OPEN".equals(status) ? amount.subtract(paid) : BigDecimal.ZERO;
    }
}
