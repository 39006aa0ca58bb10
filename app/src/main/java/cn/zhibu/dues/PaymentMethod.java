package cn.zhibu.dues;

/** How a payment reached the branch. */
public enum PaymentMethod {
    CASH("现金"), TRANSFER("转账"), ONLINE("在线支付");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
