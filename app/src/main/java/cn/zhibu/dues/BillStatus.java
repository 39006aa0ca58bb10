package cn.zhibu.dues;

/** Where a month's bill stands (see {@code dues_bill}). */
public enum BillStatus {
    OPEN("未交"), PAID("已交"), WAIVED("免交"), VOID("已作废");

    private final String label;

    BillStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
