package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Due against collected per month for an organization and each of its child organizations over a year, from the
 * roll-up only; arrears at the removal threshold and remittances per row; the subtree's latest remittances.
 */
public record RollupDues(long orgId, String orgName, int year, List<YearMonth> months, RollupRow total,
                         List<RollupRow> children, List<Remittance> remittances) {

    /** One organization's year: its months, the year's sums, the rate, what it remitted, who is 6+ months behind. */
    public record RollupRow(long orgId, String name, String typeLabel, boolean hasChildren, List<MonthFigure> months,
                            BigDecimal due, BigDecimal paid, BigDecimal ratePercent, BigDecimal remitted,
                            long arrearsAtRemoval) {
    }

    /** A month of one organization: due, collected and the rate (null when nothing was due). */
    public record MonthFigure(YearMonth month, BigDecimal due, BigDecimal paid, BigDecimal ratePercent) {
    }

    /** A 上缴 recorded in the subtree. */
    public record Remittance(long entryId, long orgId, String orgName, Long toOrgId, String toOrgName,
                             BigDecimal amount, YearMonth periodFrom, YearMonth periodTo, java.time.LocalDate paidOn,
                             String receiptNo) {
    }
}
