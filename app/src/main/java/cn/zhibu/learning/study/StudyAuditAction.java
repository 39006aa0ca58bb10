package cn.zhibu.learning.study;

import cn.zhibu.platform.AuditAction;

/**
 * What the study part writes into the audit log (codes are stored and hashed: never change one once written). Beats
 * are not audited one by one — they are the study itself, summed in the session row; the session's start, its end
 * and the course's completion are.
 */
public enum StudyAuditAction implements AuditAction {
    STARTED("学习.开始", "开始在线学习"),
    FINISHED("学习.结束", "结束在线学习"),
    COMPLETED("学习.完成课程", "完成课程学习");

    private final String code;
    private final String label;

    StudyAuditAction(String code, String label) {
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
