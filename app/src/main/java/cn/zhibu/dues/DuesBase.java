package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One recorded base of a member (a row of {@code dues_base}; a correction is a newer row of the same month).
 *
 * @param computed by the rules, after the monthly cap
 * @param amount   what is due each month from it: {@code chosen} or {@code computed}
 * @param source   FORM, IMPORT or API
 */
public record DuesBase(long id, long memberId, long orgId, String orgPath, DuesCategory category,
                       YearMonth effectiveMonth, BigDecimal countedPay, BigDecimal incomeTax,
                       BigDecimal socialInsurance, BigDecimal annuity, BigDecimal base, BigDecimal computed,
                       BigDecimal chosen, BigDecimal amount, String source, String note, String recordedBy,
                       Instant recordedAt) {

    public String categoryLabel() {
        return category.label();
    }

    public ApplicableBase.Candidate candidate() {
        return new ApplicableBase.Candidate(id, effectiveMonth, category);
    }
}
