package cn.zhibu.dues;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * {@code zhibu.dues.*} (env {@code ZHIBU_DUES_*}), the local choices RULES.md §2 leaves open, with its defaults:
 * <ul>
 *   <li>{@code amountMode} YEARLY (年初核定, F1a) or MONTHLY (F5 第十条 for every change);</li>
 *   <li>{@code monthlyCap} 1000.00: computed monthly dues normally stop there (F1a); a member may choose to pay more;</li>
 *   <li>{@code rounding} HALF_UP to 分 (RULES.md: money);</li>
 *   <li>{@code deductIncomeTax}, {@code deductSocialInsurance}, {@code deductAnnuity}: what the salaried base (F1)
 *       leaves out — tax actually withheld, the member's 五险一金 and 年金, as the 2017 notice says;</li>
 *   <li>{@code farmerAmount} 0.20 (F3: 0.2–1 元, set per province), {@code minimumAmount} 0.20 for students and the
 *       unemployed (第六条);</li>
 *   <li>{@code probationStart} MEETING_MONTH: whether the month of the admitting meeting is due in full (F5);</li>
 *   <li>{@code backPayMonths} and {@code prepayMonths} 6 (F6), {@code centerThreshold} 1000.00 (F7);</li>
 *   <li>{@code remindMonths} 3 and {@code urgeMonths} 5 (F8, local), {@code removalMonths} 6 (F8, 第十三条);</li>
 *   <li>{@code firstMonth}: the first month the platform bills; arrears are not counted before it.</li>
 * </ul>
 */
@ConfigurationProperties("zhibu.dues")
public record DuesSettings(@DefaultValue("YEARLY") AmountMode amountMode,
                           @DefaultValue("1000.00") BigDecimal monthlyCap,
                           @DefaultValue("HALF_UP") RoundingMode rounding,
                           @DefaultValue("true") boolean deductIncomeTax,
                           @DefaultValue("true") boolean deductSocialInsurance,
                           @DefaultValue("true") boolean deductAnnuity,
                           @DefaultValue("0.20") BigDecimal farmerAmount,
                           @DefaultValue("0.20") BigDecimal minimumAmount,
                           @DefaultValue("MEETING_MONTH") ProbationStart probationStart,
                           @DefaultValue("6") int backPayMonths,
                           @DefaultValue("6") int prepayMonths,
                           @DefaultValue("1000.00") BigDecimal centerThreshold,
                           @DefaultValue("3") int remindMonths,
                           @DefaultValue("5") int urgeMonths,
                           @DefaultValue("6") int removalMonths,
                           @DefaultValue("2026-01") YearMonth firstMonth) {

    private static final BigDecimal FARMER_LOW = new BigDecimal("0.20");
    private static final BigDecimal FARMER_HIGH = new BigDecimal("1.00");

    public DuesSettings {
        if (farmerAmount.compareTo(FARMER_LOW) < 0 || farmerAmount.compareTo(FARMER_HIGH) > 0) {
            throw new IllegalArgumentException("zhibu.dues.farmer-amount 须在0.20元至1.00元之间（中组发〔2008〕3号 第六条）");
        }
        if (monthlyCap.signum() <= 0 || backPayMonths < 0 || prepayMonths < 0
                || !(0 < remindMonths && remindMonths <= urgeMonths && urgeMonths <= removalMonths)) {
            throw new IllegalArgumentException("zhibu.dues 的月上限、补交/预交月数或欠缴提醒月数设置不合理");
        }
    }

    /** The defaults, as a new installation runs. */
    public static DuesSettings defaults() {
        return new DuesSettings(AmountMode.YEARLY, new BigDecimal("1000.00"), RoundingMode.HALF_UP, true, true, true,
                FARMER_LOW, FARMER_LOW, ProbationStart.MEETING_MONTH, 6, 6, new BigDecimal("1000.00"), 3, 5, 6,
                YearMonth.of(2026, 1));
    }

    public DuesSettings withAmountMode(AmountMode mode) {
        return new DuesSettings(mode, monthlyCap, rounding, deductIncomeTax, deductSocialInsurance, deductAnnuity,
                farmerAmount, minimumAmount, probationStart, backPayMonths, prepayMonths, centerThreshold, remindMonths,
                urgeMonths, removalMonths, firstMonth);
    }

    public DuesSettings withProbationStart(ProbationStart start) {
        return new DuesSettings(amountMode, monthlyCap, rounding, deductIncomeTax, deductSocialInsurance, deductAnnuity,
                farmerAmount, minimumAmount, start, backPayMonths, prepayMonths, centerThreshold, remindMonths,
                urgeMonths, removalMonths, firstMonth);
    }

    public DuesSettings withDeductions(boolean incomeTax, boolean socialInsurance, boolean annuity) {
        return new DuesSettings(amountMode, monthlyCap, rounding, incomeTax, socialInsurance, annuity, farmerAmount,
                minimumAmount, probationStart, backPayMonths, prepayMonths, centerThreshold, remindMonths, urgeMonths,
                removalMonths, firstMonth);
    }
}
