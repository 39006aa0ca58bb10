package cn.zhibu.life.talk;

import cn.zhibu.platform.AuditAction;

/** What the talks write into the audit log. */
enum TalkAuditAction implements AuditAction {
    RECORDED("谈心谈话.记录", "记录谈心谈话"),
    DELETED("谈心谈话.删除", "删除谈心谈话记录");

    private final String code;
    private final String label;

    TalkAuditAction(String code, String label) {
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
