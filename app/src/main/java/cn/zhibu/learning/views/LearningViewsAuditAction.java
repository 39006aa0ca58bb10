package cn.zhibu.learning.views;

import cn.zhibu.platform.AuditAction;

/** What the learning views write into the audit log: a secretary's reminders to members behind. */
enum LearningViewsAuditAction implements AuditAction {
    MEMBERS_REMINDED("学习.督学提醒", "提醒学习进度落后的党员");

    private final String code;
    private final String label;

    LearningViewsAuditAction(String code, String label) {
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
