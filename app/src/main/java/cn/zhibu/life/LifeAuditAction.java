package cn.zhibu.life;

import cn.zhibu.platform.AuditAction;

/** What the meeting foundation of 组织生活 writes into the audit log (entity {@code life_meeting}). */
public enum LifeAuditAction implements AuditAction {
    SCHEDULED("组织生活.安排会议", "安排会议"),
    EDITED("组织生活.修改会议", "修改会议安排"),
    CANCELLED("组织生活.取消会议", "取消会议"),
    ATTENDANCE_CONFIRMED("组织生活.确认参加", "确认参加会议"),
    LEAVE_REQUESTED("组织生活.请假", "会议请假"),
    LEAVE_APPROVED("组织生活.准假", "批准会议请假"),
    LEAVE_REFUSED("组织生活.不准假", "不批准会议请假");

    /** The audit entity type of a meeting and what is done about it. */
    public static final String ENTITY = "life_meeting";

    private final String code;
    private final String label;

    LifeAuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
