package cn.zhibu.life.appraisal;

/** The grades of a 民主评议 (P2), as the ballot and the final rating name them. */
public enum Grade {
    EXCELLENT("优秀"),
    QUALIFIED("合格"),
    BASIC("基本合格"),
    UNQUALIFIED("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
