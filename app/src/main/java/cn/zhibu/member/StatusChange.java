package cn.zhibu.member;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.time.LocalDate;

/**
 * A status change as the user asks for it: what, effective when, why, under which document, approved by whom
 * (the organization or meeting that decided, e.g. "XX党委 2026年第3次委员会").
 */
public record StatusChange(StatusChangeKind kind, @SensibleDate("生效日期") LocalDate effectiveOn,
                           @NoteText("原因") String reason, @ShortText("文件编号") String documentRef,
                           @NameText("批准组织") String approvedBy, @SensibleDate("期限") LocalDate deadline,
                           RemovalGround ground) {

    public StatusChange(StatusChangeKind kind, LocalDate effectiveOn, String reason, String documentRef,
                        String approvedBy) {
        this(kind, effectiveOn, reason, documentRef, approvedBy, null, null);
    }
}
