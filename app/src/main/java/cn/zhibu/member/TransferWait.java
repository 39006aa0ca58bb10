package cn.zhibu.member;

/**
 * Who a transfer in progress waits for: the organization, the role there that acts, and what it does — so both sides
 * know whom to ask ("待 市教育局机关党委 组织管理员 审批").
 */
public record TransferWait(TransferStep step, long orgId, String orgName, String role, String action) {

    public String label() {
        return "待 " + orgName + " " + role + " " + action;
    }
}
