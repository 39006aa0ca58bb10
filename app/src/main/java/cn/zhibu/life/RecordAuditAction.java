package cn.zhibu.life;

import cn.zhibu.platform.AuditAction;

/** What the record of a meeting writes into the audit log (codes as stored: never change one once written). */
public enum RecordAuditAction implements AuditAction {
    RECORDED("组织生活.记录会议", "记录会议（会议已召开）"),
    EDITED("组织生活.修改会议记录", "修改会议记录（确认前）"),
    CONFIRMED("组织生活.确认会议记录", "确认会议记录"),
    AMENDED("组织生活.更正会议记录", "更正会议记录"),
    FILE_ADDED("组织生活.上传会议附件", "上传会议记录附件"),
    FILE_REMOVED("组织生活.删除会议附件", "删除会议记录附件");

    private final String code;
    private final String label;

    RecordAuditAction(String code, String label) {
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
