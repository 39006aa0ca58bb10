package cn.zhibu.admission;

/** D4: activists and 发展对象 are decided by the 支委会, or by the 支部大会 where the branch has no committee. */
public enum DecidingBody {
    COMMITTEE("支部委员会"),
    MEETING("支部党员大会");

    private final String label;

    DecidingBody(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
