package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the public check of an annual dues statement shows: the member's name masked, the organization, the year's
 * figures as the ledger holds them today (a sheet with other figures is not current), and the day they were read.
 */
public record StatementCheck(String maskedName, String orgName, int year, BigDecimal due, BigDecimal paid,
                             BigDecimal owed, BigDecimal extra, int monthsPaid, int monthsOpen, LocalDate asOf) {
}
