package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A base as entered (form, API, one row of an upload): the category and the month it applies from; for 工资收入 the
 * payslip's items (F1) or a base; for the other rated categories a base; nothing for the fixed ones. {@code chosen}:
 * a higher monthly amount the member chooses to pay (F1a), at least the computed one.
 */
public record BaseEntry(DuesCategory category, YearMonth effectiveMonth, BigDecimal countedPay, BigDecimal incomeTax,
                        BigDecimal socialInsurance, BigDecimal annuity, BigDecimal base, BigDecimal chosen,
                        String note) {
}
