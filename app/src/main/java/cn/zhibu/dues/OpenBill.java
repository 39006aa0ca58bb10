package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A month a member still owes: the bill's amount and what was paid of it. */
public record OpenBill(long memberId, YearMonth month, long orgId, BigDecimal amount, BigDecimal paid) {

    public BigDecimal due() {
        return amount.subtract(paid);
    }
}
