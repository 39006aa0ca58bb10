package cn.zhibu.dues;

import cn.zhibu.platform.AuditAction;

/** What bases, reliefs, the start of dues and the bills write into the audit log. */
public enum DuesBaseAuditAction implements AuditAction {
    BASE_RECORDED("党费.核定基数", "核定党费基数"),
    BASES_IMPORTED("党费.导入基数", "批量导入党费基数"),
    RELIEF_PROPOSED("党费.提出减免", "提出党费减免"),
    RELIEF_APPROVED("党费.批准减免", "批准党费减免"),
    RELIEF_REJECTED("党费.不批准减免", "不批准党费减免"),
    RELIEF_REVOKED("党费.撤销减免", "撤销党费减免"),
    START_RECORDED("党费.确定起交月份", "确定党费起交月份"),
    BILLS_MADE("党费.生成账单", "生成党费账单"),
    BILL_VOIDED("党费.作废账单", "作废党费账单");

    private final String code;
    private final String label;

    DuesBaseAuditAction(String code, String label) {
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
