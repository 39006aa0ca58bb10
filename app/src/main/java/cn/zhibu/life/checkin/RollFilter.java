package cn.zhibu.life.checkin;

/** Which invitees a roll lists. */
public enum RollFilter {
    ALL("全部"),
    PRESENT("已签到"),
    NOT_PRESENT("未签到");

    private final String label;

    RollFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String condition() {
        return switch (this) {
            case ALL -> "true";
            case PRESENT -> "checked_in_at is not null";
            case NOT_PRESENT -> "checked_in_at is null";
        };
    }
}
