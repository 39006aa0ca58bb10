package cn.zhibu.learning.classes;

import cn.zhibu.platform.AuditAction;

/** What the classes part writes into the audit log (codes are stored and hashed: never change one once written). */
public enum ClassAuditAction implements AuditAction {
    CLASS_OPENED("培训班.开班", "开设培训班"),
    SESSION_ADDED("培训班.增加课次", "增加培训课次"),
    ENROLLED("培训班.报名", "培训班学员报名"),
    UNENROLLED("培训班.移除学员", "移除培训班学员"),
    CHECKED_IN("培训班.签到", "培训扫码签到"),
    CHECKED_OUT("培训班.签退", "培训扫码签退"),
    ATTENDANCE_BY_HAND("培训班.手工登记", "手工登记培训出勤"),
    ATTENDANCE_IMPORTED("培训班.导入会议签到", "从组织生活导入培训出勤");

    private final String code;
    private final String label;

    ClassAuditAction(String code, String label) {
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
