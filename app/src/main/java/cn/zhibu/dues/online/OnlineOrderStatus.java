package cn.zhibu.dues.online;

/** Where an online order stands. */
public enum OnlineOrderStatus {
    CREATED("待支付"), PAID("已交纳"), CLOSED("已关闭"), REFUNDING("退款中"), REFUNDED("已退款");

    private final String label;

    OnlineOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
