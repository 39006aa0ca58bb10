package cn.zhibu.life.checkin;

import cn.zhibu.platform.AuditAction;

/** What check-in writes into the audit log (codes as stored; never change one once written). */
public enum CheckinAuditAction implements AuditAction {
    CHECKED_IN("组织生活.签到", "扫码签到"),
    CHECKED_OUT("组织生活.签退", "扫码签退"),
    CHECKED_IN_BY_HAND("组织生活.手工签到", "手工签到"),
    CHECKED_OUT_BY_HAND("组织生活.手工签退", "手工签退"),
    MAKEUP_RECORDED("组织生活.补课", "登记补课");

    private final String code;
    private final String label;

    CheckinAuditAction(String code, String label) {
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
