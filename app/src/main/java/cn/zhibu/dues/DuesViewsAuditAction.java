package cn.zhibu.dues;

import cn.zhibu.platform.AuditAction;

/** What the dues views write into the audit log (F8 justifications). */
enum DuesViewsAuditAction implements AuditAction {
    MONTH_JUSTIFIED("党费.欠缴说明", "登记未交党费的正当理由");

    private final String code;
    private final String label;

    DuesViewsAuditAction(String code, String label) {
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
