package cn.zhibu.life.appraisal;

/**
 * The stages of a 民主评议党员, in the order P1 sets (条例 第十八条): 个人自评 → 党员互评 → 民主测评 → the grades proposed by
 * the 支委会 or 党员大会. Each starts only once the one before it has closed.
 */
public enum AppraisalStage {
    SELF_ASSESSMENT("个人自评"),
    PEER_REVIEW("党员互评"),
    BALLOT("民主测评"),
    GRADING("评定等次");

    /** The order, as cited in every refusal. */
    public static final String ORDER = "P1：民主评议按个人自评、党员互评、民主测评、支委会或党员大会提出评定意见的顺序进行";

    private final String label;

    AppraisalStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage that must be closed before this one opens; null for the first. */
    public AppraisalStage previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    public AppraisalStage next() {
        return ordinal() == values().length - 1 ? null : values()[ordinal() + 1];
    }
}
