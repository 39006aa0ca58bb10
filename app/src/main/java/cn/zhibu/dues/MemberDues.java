package cn.zhibu.dues;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's dues as they (or their branch) see them: what is owed now, the run of unpaid months (F8), the bills
 * newest first and the ledger entries newest first.
 */
public record MemberDues(long memberId, String name, long orgId, String orgName, BigDecimal owed, int openMonths,
                         ArrearsRun arrears, List<DuesBillLine> bills, List<DuesEntryLine> entries, boolean managed,
                         boolean self) {
}
