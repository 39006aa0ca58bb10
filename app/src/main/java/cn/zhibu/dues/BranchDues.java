package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * An organization's dues for a month: due and collected from the roll-up (the whole subtree), the collection rate,
 * arrears by length, the month's bills (at most {@code billLimit}, {@code billsTruncated} when there are more) and
 * the payments recorded in the month.
 */
public record BranchDues(long orgId, String orgName, boolean hasChildren, YearMonth month, BigDecimal due,
                         BigDecimal paid, long bills, long billsPaid, BigDecimal ratePercent, ArrearsCounts arrears,
                         List<DuesBillLine> billLines, boolean billsTruncated, List<DuesEntryLine> payments) {
}
