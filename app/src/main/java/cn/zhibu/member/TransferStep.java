package cn.zhibu.member;

/**
 * The approvals a transfer goes through (RULES.md R1). The committees' approvals are configured
 * ({@code zhibu.transfer.approvals}); the receiving organization's acceptance always comes last.
 */
public enum TransferStep {
    SENDING_COMMITTEE("转出方党委审批"),
    RECEIVING_COMMITTEE("转入方党委审批"),
    RECEIVING_ORG("转入组织接收"),
    /** A letter to an organization off the platform is closed when its 回执 comes back to the sending side. */
    RECEIPT("收到回执");

    private final String label;

    TransferStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
