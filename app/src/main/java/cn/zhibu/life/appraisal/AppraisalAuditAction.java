package cn.zhibu.life.appraisal;

import cn.zhibu.platform.AuditAction;

/**
 * What the appraisal writes into the audit log. A ballot is recorded as the fact that its voter took part, never with
 * what they chose ({@link AppraisalBallots}).
 */
enum AppraisalAuditAction implements AuditAction {
    OPENED("民主评议.发起", "发起民主评议党员"),
    STAGE_OPENED("民主评议.开始环节", "开始民主评议环节"),
    STAGE_CLOSED("民主评议.结束环节", "结束民主评议环节"),
    SELF_ASSESSED("民主评议.个人自评", "填写个人自评"),
    REVIEWED("民主评议.党员互评", "填写党员互评意见"),
    VOTED("民主评议.参加民主测评", "参加民主测评（不记录所投内容）"),
    GRADED("民主评议.评定等次", "记录评定等次，完成民主评议");

    private final String code;
    private final String label;

    AppraisalAuditAction(String code, String label) {
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
