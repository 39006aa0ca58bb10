package cn.zhibu.member;

import cn.zhibu.platform.input.NoteText;
import cn.zhibu.platform.input.ShortText;
/**
 * What the sending side asks for: the receiving organization (a branch or 党小组), why, and the month up to which
 * the member's dues are paid (yyyy-MM, printed on the 介绍信; optional).
 */
public record TransferRequest(Long toOrgId, @NoteText("转接原因") String reason,
                              @ShortText("党费交至") String duesPaidUntil) {

    public TransferRequest(Long toOrgId, String reason) {
        this(toOrgId, reason, null);
    }
}
