package cn.zhibu.learning.points;

import cn.zhibu.platform.AuditAction;

/** What the points part writes into the audit log (codes are stored and hashed: never change one once written). */
public enum PointsAuditAction implements AuditAction {
    DEDUCTED("积分.扣分", "扣减党员基础分"),
    REWARDED("积分.奖励", "给予党员奖励分"),
    REVERSED("积分.冲正", "冲正积分记录");

    private final String code;
    private final String label;

    PointsAuditAction(String code, String label) {
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
