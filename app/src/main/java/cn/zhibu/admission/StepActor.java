package cn.zhibu.admission;

/** Who must act on a step: the pipeline tells each of them what is waiting. */
public enum StepActor {
    APPLICANT("本人"),
    BRANCH("党支部"),
    HIGHER("上级党委");

    private final String label;

    StepActor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
