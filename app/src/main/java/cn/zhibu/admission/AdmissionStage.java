package cn.zhibu.admission;

/** Where a person stands in the workflow (D1's five stages, as the pipeline shows them). */
public enum AdmissionStage {
    APPLICANT("入党申请人"),
    ACTIVIST("入党积极分子"),
    TARGET("发展对象"),
    PROBATIONARY("预备党员"),
    FULL("已转正"),
    CLOSED("已终止");

    private final String label;

    AdmissionStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still moving through the workflow (shown in the pipeline as work to do). */
    public boolean open() {
        return this != CLOSED;
    }
}
