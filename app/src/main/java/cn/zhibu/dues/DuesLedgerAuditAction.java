package cn.zhibu.dues;

import cn.zhibu.platform.AuditAction;

/** What the 党费 ledger writes into the audit log (codes are stored and hashed: never change one once written). */
public enum DuesLedgerAuditAction implements AuditAction {
    PAYMENT_RECORDED("党费.登记交纳", "登记党费交纳"),
    PAID_ONLINE("党费.在线交纳", "在线交纳党费"),
    EXTRA_RECORDED("党费.自愿多交", "登记自愿多交党费"),
    REVERSED("党费.冲正", "冲正党费账目"),
    CENTER_RECEIPT_NOTED("党费.中组部收据", "登记中组部收据"),
    REMITTED("党费.上缴", "登记党费上缴");

    private final String code;
    private final String label;

    DuesLedgerAuditAction(String code, String label) {
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
