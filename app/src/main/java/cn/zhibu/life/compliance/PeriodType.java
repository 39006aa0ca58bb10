package cn.zhibu.life.compliance;

/** The periods requirements are counted in (RULES.md B6–B11): monthly, quarterly, yearly. */
public enum PeriodType {
    MONTH("每月", 1),
    QUARTER("每季度", 3),
    YEAR("每年", 12);

    private final String frequency;
    private final int months;

    PeriodType(String frequency, int months) {
        this.frequency = frequency;
        this.months = months;
    }

    /** How often, in Chinese ("每季度"). */
    public String frequency() {
        return frequency;
    }

    public int months() {
        return months;
    }
}
