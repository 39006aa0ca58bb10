package cn.zhibu.admission;

/**
 * The versions of the 《发展党员工作细则》 the platform knows (RULES.md preamble): the 2014 text, and the changes
 * reported for 2026 (marked [2026?] in RULES.md). A step is judged by the version in force on its date.
 */
public enum RuleSet {
    V2014("《发展党员工作细则》（2014年）"),
    V2026("《发展党员工作细则》（2026年修订）");

    private final String title;

    RuleSet(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** D5 [2026?]: 公示 of at least five working days before a person becomes a 发展对象. */
    public boolean publicityBeforeTarget() {
        return this == V2026;
    }

    /** D5 [2026?]: the higher committee agrees to a 发展对象 rather than only filing it. */
    public boolean targetNeedsConsent() {
        return this == V2026;
    }

    /** D8 [2026?]: the branch meeting within one month after the 预审. */
    public boolean meetingWithinMonthOfPreReview() {
        return this == V2026;
    }

    /** D13 [2026?]: the oath within one month of approval. */
    public boolean oathWithinMonthOfApproval() {
        return this == V2026;
    }

    /** Working days of the 公示 before a 发展对象 is decided (D5 [2026?]). */
    public static final int TARGET_PUBLICITY_WORKING_DAYS = 5;
}
