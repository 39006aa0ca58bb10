package cn.zhibu.admission;

/** D11: what the branch meeting decides when probation ends. */
public enum ConversionDecision {
    CONVERT("按期转为正式党员"),
    EXTEND("延长预备期"),
    CANCEL("取消预备党员资格");

    private final String label;

    ConversionDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
