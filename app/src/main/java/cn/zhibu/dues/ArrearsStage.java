package cn.zhibu.dues;

/**
 * Where a run of unpaid months stands (F8): reminded from {@code remindMonths} (3), urged from {@code urgeMonths} (5),
 * and from {@code removalMonths} (6, 第十三条) the branch may deal with the member under 第三十一条 (除名).
 */
public enum ArrearsStage {
    NONE("无欠缴"),
    REMIND("欠缴提醒"),
    URGE("欠缴催交"),
    REMOVAL("可按第三十一条处置");

    private final String label;

    ArrearsStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ArrearsStage of(int months, DuesSettings settings) {
        if (months >= settings.removalMonths()) {
            return REMOVAL;
        }
        if (months >= settings.urgeMonths()) {
            return URGE;
        }
        return months >= settings.remindMonths() ? REMIND : NONE;
    }
}
