package cn.zhibu.member;

/**
 * What the sending side asks for: the receiving organization (a branch or 党小组), why, and the month up to which
 * the member's dues are paid (yyyy-MM, printed on the 介绍信; optional).
 */
public record TransferRequest(Long toOrgId, String reason, String duesPaidUntil) {

    public TransferRequest(Long toOrgId, String reason) {
        this(toOrgId, reason, null);
    }
}
