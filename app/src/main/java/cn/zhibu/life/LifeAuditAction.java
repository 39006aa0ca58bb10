package cn.zhibu.life;

import cn.zhibu.platform.AuditAction;

/**
 * What 组织生活 writes into the audit log: meetings and answers (entity {@code life_meeting}); check-in, check-out and
 * 补课 (entity {@code life_attendance}, one invitee of one meeting).
 */
public enum LifeAuditAction implements AuditAction {
    SCHEDULED("组织生活.安排会议", "安排会议"),
    EDITED("组织生活.修改会议", "修改会议安排"),
    CANCELLED("组织生活.取消会议", "取消会议"),
    ATTENDANCE_CONFIRMED("组织生活.确认参加", "确认参加会议"),
    LEAVE_REQUESTED("组织生活.请假", "会议请假"),
    LEAVE_APPROVED("组织生活.准假", "批准会议请假"),
    LEAVE_REFUSED("组织生活.不准假", "不批准会议请假"),
    CHECKED_IN("组织生活.签到", "扫码签到"),
    CHECKED_OUT("组织生活.签退", "扫码签退"),
    CHECKED_IN_BY_HAND("组织生活.手工签到", "手工签到"),
    CHECKED_OUT_BY_HAND("组织生活.手工签退", "手工签退"),
    MAKEUP_RECORDED("组织生活.补课", "登记补课");

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
