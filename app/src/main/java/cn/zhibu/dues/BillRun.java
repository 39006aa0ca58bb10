package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One generation of a month's bills for a subtree.
 *
 * @param bills  how many bills it made (re-running a month makes only the missing ones)
 * @param amount their total
 * @param paid   how many of them were made PAID at once (months the member had prepaid)
 * @param waived how many were made WAIVED (an approved waiver, F4)
 */
public record BillRun(long id, long orgId, String orgPath, YearMonth month, int bills, BigDecimal amount, int paid,
                      int waived, long millis, String madeBy, Instant madeAt) {
}
