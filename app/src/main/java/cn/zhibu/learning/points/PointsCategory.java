package cn.zhibu.learning.points;

/** The three parts of a member's year of points (L1). */
public enum PointsCategory {
    /** 基础分: starts at the scheme's maximum; deductions only, never below 0. */
    BASE("基础分"),
    /** 任务分: earned by tasks, at most the scheme's maximum. */
    TASK("任务分"),
    /** 奖励分: given by the secretary, at most the scheme's maximum. */
    REWARD("奖励分");

    private final String label;

    PointsCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
