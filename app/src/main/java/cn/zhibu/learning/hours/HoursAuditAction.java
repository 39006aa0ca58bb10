package cn.zhibu.learning.hours;

import cn.zhibu.platform.AuditAction;

/** What the hours part writes into the audit log (codes are stored and hashed: never change one once written). */
public enum HoursAuditAction implements AuditAction {
    EXTERNAL_RECORDED("学习.登记其他培训", "登记其他培训学时"),
    TRANSCRIPT_ISSUED("学习.出具学时证明", "出具年度学时证明");

    private final String code;
    private final String label;

    HoursAuditAction(String code, String label) {
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
