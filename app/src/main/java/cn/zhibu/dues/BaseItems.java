package cn.zhibu.dues;

import java.math.BigDecimal;

/**
 * The salaried base from a payslip (RULES.md F1, 第一条 and the 2017 notice): the regular monthly pay that counts
 * (岗位工资, 薪级工资, 基础性绩效, regular allowances — not 奖励性绩效, irregular bonuses, 改革性补贴 or 社保类补贴),
 * less the income tax actually withheld as the payslip shows it (never recomputed from a table: cumulative
 * withholding since 2019 makes a table wrong), the member's own 五险一金 and 年金 — each deduction as configured.
 * A missing deduction counts as zero.
 */
public record BaseItems(BigDecimal countedPay, BigDecimal incomeTax, BigDecimal socialInsurance, BigDecimal annuity) {

    /** The base these items give under the settings' deductions (may be negative: {@link DuesRules} refuses it). */
    public BigDecimal base(DuesSettings settings) {
        BigDecimal base = countedPay;
        if (settings.deductIncomeTax()) {
            base = base.subtract(orZero(incomeTax));
        }
        if (settings.deductSocialInsurance()) {
            base = base.subtract(orZero(socialInsurance));
        }
        if (settings.deductAnnuity()) {
            base = base.subtract(orZero(annuity));
        }
        return base;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
