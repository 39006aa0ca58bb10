package cn.zhibu.dues;

import cn.zhibu.platform.FieldErrors;

import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly dues of RULES.md F2–F4, as pure functions of the category, the base and the settings. The rate applies
 * to the <em>whole</em> base (not in slices like a tax), the bracket's upper bound belongs to it (exactly 3000.00 is
 * 0.5%, 3000.01 is 1%), and the product is rounded to 分 once (HALF_UP by default) — never through a double.
 */
public final class DuesRules {

    /** The largest base accepted: beyond it a figure is a typing mistake (a month's pay of ten million 元). */
    public static final BigDecimal MAX_BASE = new BigDecimal("9999999.99");

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One bracket: bases up to {@code upTo} (inclusive; null: no bound) pay {@code percent} of the whole base. */
    private record Bracket(BigDecimal upTo, BigDecimal percent, String label) {
    }

    /** F2 (第二条): salaried, and by 第三、四条 年薪制 and the self-employed on their own bases. */
    private static final List<Bracket> SALARIED = List.of(
            new Bracket(new BigDecimal("3000.00"), new BigDecimal("0.5"), "3000元（含）以下"),
            new Bracket(new BigDecimal("5000.00"), new BigDecimal("1"), "3000元以上至5000元（含）"),
            new Bracket(new BigDecimal("10000.00"), new BigDecimal("1.5"), "5000元以上至10000元（含）"),
            new Bracket(null, new BigDecimal("2"), "10000元以上"));

    /** F3 (第五条): retirees on their whole pension. */
    private static final List<Bracket> RETIRED = List.of(
            new Bracket(new BigDecimal("5000.00"), new BigDecimal("0.5"), "5000元（含）以下"),
            new Bracket(null, new BigDecimal("1"), "5000元以上"));

    private DuesRules() {
    }

    /**
     * The monthly dues of a category with a base (F2, F3); for the fixed categories the base is ignored and may be
     * null. {@link DuesCategory#HARDSHIP} has no rule of its own: use {@link #relieved}.
     *
     * @throws cn.zhibu.platform.InvalidInputException naming {@code base} when it is missing, negative, has more than
     *                                                 two decimals or is absurdly large
     */
    public static DuesAmount monthly(DuesCategory category, BigDecimal base, DuesSettings settings) {
        return switch (category) {
            case SALARIED, ANNUAL_SALARY, SELF_EMPLOYED -> rated(category, checkedBase(base), SALARIED, settings);
            case RETIRED -> rated(category, checkedBase(base), RETIRED, settings);
            case FARMER -> fixed(category, settings.farmerAmount(), "农民党员每月交纳党费0.2元至1元，本省（区、市）定为"
                    + settings.farmerAmount().toPlainString() + "元");
            case STUDENT, UNEMPLOYED -> fixed(category, settings.minimumAmount(), category.label() + "党员每月交纳党费"
                    + settings.minimumAmount().toPlainString() + "元");
            case HARDSHIP -> throw cn.zhibu.platform.InvalidInputException.of("category",
                    "生活困难党员的党费由支部委员会提出、上级党委批准后减免（第七条），请填写批准的每月金额");
        };
    }

    /** F4 (第七条): what a member in hardship pays after the approved reduction; zero when waived. */
    public static DuesAmount relieved(BigDecimal approved) {
        BigDecimal amount = checkedMoney("amount", approved, "减免后每月金额");
        String text = amount.signum() == 0 ? "经支部委员会提出、上级党委批准，免交党费（中组发〔2008〕3号 第七条）"
                : "经支部委员会提出、上级党委批准，每月减交为" + amount.toPlainString() + "元（中组发〔2008〕3号 第七条）";
        return new DuesAmount(DuesCategory.HARDSHIP, null, null, amount, amount, false, text);
    }

    private static DuesAmount rated(DuesCategory category, BigDecimal base, List<Bracket> brackets,
                                    DuesSettings settings) {
        Bracket bracket = brackets.stream().filter(b -> b.upTo() == null || base.compareTo(b.upTo()) <= 0)
                .findFirst().orElseThrow();
        BigDecimal computed = base.multiply(bracket.percent()).divide(HUNDRED).setScale(2, settings.rounding());
        boolean capped = computed.compareTo(settings.monthlyCap()) > 0;
        BigDecimal amount = capped ? settings.monthlyCap().setScale(2, settings.rounding()) : computed;
        String text = "月基数" + base.toPlainString() + "元，属" + bracket.label() + "，按" + bracket.percent().toPlainString()
                + "%交纳" + computed.toPlainString() + "元（中组发〔2008〕3号 " + category.article() + "，比例适用于全部基数）"
                + (capped ? "；每月一般不超过" + settings.monthlyCap().toPlainString() + "元，本人自愿多交的可多交" : "");
        return new DuesAmount(category, base, bracket.percent(), computed, amount, capped, text);
    }

    private static DuesAmount fixed(DuesCategory category, BigDecimal amount, String why) {
        return new DuesAmount(category, null, null, amount, amount, false,
                why + "（中组发〔2008〕3号 " + category.article() + "）");
    }

    private static BigDecimal checkedBase(BigDecimal base) {
        return checkedMoney("base", base, "党费基数");
    }

    /** A sum of money as entered: present, not negative, at most two decimals, not absurd. */
    public static BigDecimal checkedMoney(String field, BigDecimal value, String label) {
        FieldErrors errors = new FieldErrors();
        if (value == null) {
            errors.reject(field, "请填写" + label);
        } else if (value.signum() < 0) {
            errors.reject(field, label + "不能为负数");
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.reject(field, label + "最多精确到分（两位小数）");
        } else if (value.compareTo(MAX_BASE) > 0) {
            errors.reject(field, label + "不能超过" + MAX_BASE.toPlainString() + "元，请核对");
        }
        errors.throwIfAny();
        return value.setScale(2);
    }

    /** F1: the salaried base from a payslip's items, refused when the deductions exceed the pay. */
    public static BigDecimal baseOf(BaseItems items, DuesSettings settings) {
        checkedMoney("countedPay", items.countedPay(), "计入基数的工资收入");
        if (items.incomeTax() != null) {
            checkedMoney("incomeTax", items.incomeTax(), "实际代扣的个人所得税");
        }
        if (items.socialInsurance() != null) {
            checkedMoney("socialInsurance", items.socialInsurance(), "个人缴纳的五险一金");
        }
        if (items.annuity() != null) {
            checkedMoney("annuity", items.annuity(), "个人缴纳的职业年金或企业年金");
        }
        BigDecimal base = items.base(settings);
        if (base.signum() < 0) {
            throw cn.zhibu.platform.InvalidInputException.of("countedPay", "扣除的个人所得税、五险一金和年金之和超过了计入基数的工资收入，请核对");
        }
        return base.setScale(2);
    }
}
