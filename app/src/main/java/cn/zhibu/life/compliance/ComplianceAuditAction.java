package cn.zhibu.life.compliance;

import cn.zhibu.platform.AuditAction;

/** What compliance writes into the audit log. */
enum ComplianceAuditAction implements AuditAction {
    EXEMPTED("组织生活.豁免", "豁免组织生活要求"),
    EXEMPTION_REVOKED("组织生活.撤销豁免", "撤销组织生活豁免"),
    BEHIND_EXPORTED("组织生活.导出未达要求名单", "导出未按要求开展组织生活的组织名单");

    private final String code;
    private final String label;

    ComplianceAuditAction(String code, String label) {
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
