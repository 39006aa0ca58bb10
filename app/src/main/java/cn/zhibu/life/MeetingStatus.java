package cn.zhibu.life;

/** Where a meeting stands (codes as stored in {@code life_meeting.status}). */
public enum MeetingStatus {
    /** Scheduled; invitations are out. */
    PLANNED("已安排"),
    /** Held and recorded; the record may still be edited. */
    HELD("已召开"),
    /** The secretary confirmed the record: it is locked, later changes are amendments. */
    CONFIRMED("记录已确认"),
    /** Called off before it was held. */
    CANCELLED("已取消");

    private final String label;

    MeetingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the meeting counts for compliance: it was held and recorded. */
    public boolean held() {
        return this == HELD || this == CONFIRMED;
    }
}
