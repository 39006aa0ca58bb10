package cn.zhibu.life.compliance;

/** Where one requirement of one period stands for one organization. */
public enum ObligationStatus {
    /** Held (at least once, by the day held). */
    MET("已开展"),
    /** Not held, exempted by the higher committee. */
    EXEMPT("已豁免"),
    /** The period is running and nothing is held yet: still to do before it ends. */
    OPEN("待开展"),
    /** The period has ended without it. */
    MISSED("未开展"),
    /** The period has not begun. */
    UPCOMING("未到期"),
    /** Not asked of this organization for this period (no committee, founded too late in it, rule switched off). */
    NOT_APPLICABLE("不作要求");

    private final String label;

    ObligationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Held or exempted: nothing more is asked. */
    public boolean satisfied() {
        return this == MET || this == EXEMPT;
    }
}
