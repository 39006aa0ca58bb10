package cn.zhibu.dues;

/** Where a reduction or waiver (F4, 第七条) stands: only an APPROVED one changes bills. */
public enum ReliefStatus {
    PROPOSED("待上级党委批准"), APPROVED("已批准"), REJECTED("未批准"), REVOKED("已撤销");

    private final String label;

    ReliefStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
