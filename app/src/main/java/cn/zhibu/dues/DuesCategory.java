package cn.zhibu.dues;

/**
 * How a member's dues are determined (RULES.md F1–F4, 中组发〔2008〕3号 第一至七条). Categories with a base compute a
 * rate on it; the others pay a fixed amount set as data ({@link DuesSettings}); {@link #HARDSHIP} pays what the
 * branch decided and the higher committee approved (F4), possibly nothing.
 */
public enum DuesCategory {
    SALARIED("工资收入", "第一、二条", true),
    ANNUAL_SALARY("年薪制", "第三条", true),
    SELF_EMPLOYED("个体经营等", "第四条", true),
    RETIRED("离退休", "第五条", true),
    FARMER("农民", "第六条", false),
    STUDENT("学生", "第六条", false),
    UNEMPLOYED("下岗失业、领取救济或低保", "第六条", false),
    HARDSHIP("生活困难减免", "第七条", false);

    private final String label;
    private final String article;
    private final boolean hasBase;

    DuesCategory(String label, String article, boolean hasBase) {
        this.label = label;
        this.article = article;
        this.hasBase = hasBase;
    }

    public String label() {
        return label;
    }

    /** The article of 中组发〔2008〕3号 that sets it. */
    public String article() {
        return article;
    }

    /** Whether a monthly base is entered (otherwise the amount is fixed or decided). */
    public boolean hasBase() {
        return hasBase;
    }

    /**
     * Whether a new base applies from the month it is first paid even under 年初核定: 年薪制 pays on the pay actually
     * received each month (第三条), the self-employed on last quarter's income (第四条).
     */
    public boolean variesWithinYear() {
        return this == ANNUAL_SALARY || this == SELF_EMPLOYED;
    }
}
