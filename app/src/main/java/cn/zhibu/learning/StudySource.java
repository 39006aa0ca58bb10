package cn.zhibu.learning;

/** Where credited 学时 come from (stored in {@code study_credit.source}). */
public enum StudySource {
    COURSE("网上课程"),
    CLASS("培训班"),
    LECTURE("党课"),
    MEETING("组织生活"),
    EXTERNAL("其他培训");

    private final String label;

    StudySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
