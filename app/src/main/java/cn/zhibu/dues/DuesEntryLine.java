package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A ledger entry as the views show it, with the months it paid (a reversal's months are negated allocations). */
public record DuesEntryLine(long id, long memberId, String name, String kind, BigDecimal amount, String method,
                            String receiptNo, String payer, String payerName, LocalDate paidOn, Long reverses,
                            String reason, boolean toCenter, List<String> months) {

    public String kindLabel() {
        return switch (kind) {
            case "PAYMENT" -> "交纳党费";
            case "EXTRA" -> toCenter ? "自愿多交（全额上缴中央）" : "自愿多交";
            case "REVERSAL" -> "冲正";
            case "REMITTANCE" -> "上缴";
            default -> kind;
        };
    }

    public String methodLabel() {
        return method == null ? "" : PaymentMethod.valueOf(method).label();
    }

    public String payerLabel() {
        if (payer == null) {
            return "";
        }
        return Payer.valueOf(payer).label() + (payerName == null ? "" : "（" + payerName + "）");
    }
}
