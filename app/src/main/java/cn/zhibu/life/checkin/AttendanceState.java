package cn.zhibu.life.checkin;

/** Where an invitee stands for one meeting, as the roll shows it. */
public enum AttendanceState {
    ABSENT("未签到"),
    ON_LEAVE("请假"),
    PRESENT("已签到"),
    LEFT("已签退");

    private final String label;

    AttendanceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
