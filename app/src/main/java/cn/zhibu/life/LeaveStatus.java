package cn.zhibu.life;

/** A leave request (请假) and the secretary's decision (codes as stored in {@code life_invitee.leave_status}). */
public enum LeaveStatus {
    REQUESTED("待审批"),
    APPROVED("已准假"),
    REFUSED("未准假");

    private final String label;

    LeaveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
