package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One member's bill for one month, as a branch lists it. */
public record DuesBill(long memberId, String memberName, YearMonth month, long orgId, String orgPath,
                       BigDecimal amount, BigDecimal paid, BillStatus status, Long baseId, Long reliefId,
                       String voidReason) {

    public String statusLabel() {
        return status.label();
    }
}
