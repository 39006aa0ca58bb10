package cn.zhibu.publishing;

import java.time.LocalDate;

/** Where a 公示 stands on a given day. */
public enum PublicityStatus {
    UPCOMING("未开始"),
    OPEN("公示中"),
    ENDED("已结束"),
    WITHDRAWN("已撤回");

    private final String label;

    PublicityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PublicityStatus of(LocalDate startsOn, LocalDate endsOn, boolean withdrawn, LocalDate day) {
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (day.isBefore(startsOn)) {
            return UPCOMING;
        }
        return day.isAfter(endsOn) ? ENDED : OPEN;
    }
}
