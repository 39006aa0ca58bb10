package cn.zhibu.publishing;

import cn.zhibu.platform.AuditAction;

/** What the publishing module writes into the audit log (codes as stored since the first release). */
enum PublishingAuditAction implements AuditAction {
    PUBLISHED("公示.发布", "发布公示"),
    WITHDRAWN("公示.撤回", "撤回公示"),
    COMMENTED("公示.提意见", "对公示提出意见");

    private final String code;
    private final String label;

    PublishingAuditAction(String code, String label) {
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
