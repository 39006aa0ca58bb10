package cn.zhibu.member;

public enum TransferStatus {
    IN_PROGRESS("办理中"), COMPLETED("已转入"), REFUSED("已退回"), EXPIRED("已过期"), CANCELLED("已撤回");

    private final String label;

    TransferStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
