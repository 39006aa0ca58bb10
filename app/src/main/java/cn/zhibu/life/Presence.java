package cn.zhibu.life;

/** How an invitee stands on the roll of a meeting: present (by their own scan or marked by the secretary), on approved leave, or absent. */
public enum Presence {
    /** Checked in by scanning the meeting's code. */
    CHECKED_IN("签到出席"),
    /** Marked present by the secretary (checked in by hand, or in the record). */
    MARKED("登记出席"),
    /** Not present, with leave approved (请假). */
    ON_LEAVE("请假"),
    /** Not present, without approved leave. */
    ABSENT("缺席");

    private final String label;

    Presence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean present() {
        return this == CHECKED_IN || this == MARKED;
    }
}
