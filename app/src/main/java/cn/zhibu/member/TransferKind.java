package cn.zhibu.member;

/** Between two organizations on the platform, or with one off it (R1). */
public enum TransferKind {
    INTERNAL("平台内转接"), OUTBOUND("转出系统外"), INBOUND("从系统外转入");

    private final String label;

    TransferKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
