package cn.zhibu.member;

/** What the sending side asks for: the receiving organization (a branch or 党小组) and why. */
public record TransferRequest(Long toOrgId, String reason) {
}
