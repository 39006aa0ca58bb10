package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditAction;

/** What the platform itself writes into the audit log. */
public enum PlatformAuditAction implements AuditAction {
    CALENDAR_DAY_ADDED("节假日.新增", "新增节假日安排"),
    CALENDAR_DAY_CHANGED("节假日.修改", "修改节假日安排"),
    CALENDAR_DAY_REMOVED("节假日.删除", "删除节假日安排"),
    ID_NUMBER_HIT(cn.zhibu.platform.IdNumberHits.ACTION, "身份证号查重命中"),
    AUDIT_EXPORTED("审计日志.导出", "导出审计日志"),
    /** Written by the province generator (tools), which empties the log and fills the database. */
    DATASET_GENERATED("数据.生成", "生成测试数据集（数据生成器）");

    private final String code;
    private final String label;

    PlatformAuditAction(String code, String label) {
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
