package cn.zhibu.learning.points;

/** What earns points by the scheme's rules (stored in {@code points_rule.action} and as the ledger's source kind). */
public enum PointsAction {
    COURSE_COMPLETED("完成网上课程"),
    REQUIRED_COURSE("完成必修课程"),
    EXAM_PASSED("考试合格"),
    DAILY_QUIZ("每日答题"),
    CLASS_COMPLETED("培训班结业");

    private final String label;

    PointsAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
