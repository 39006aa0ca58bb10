package cn.zhibu.dues.online;

import cn.zhibu.platform.AuditAction;

/** What online payment of 党费 writes into the audit log. */
public enum DuesOnlineAuditAction implements AuditAction {
    ORDER_PLACED("党费.在线下单", "党费在线下单"),
    ORDER_PAID("党费.在线交纳到账", "在线交纳到账"),
    ORDER_CLOSED("党费.在线订单关闭", "在线订单关闭"),
    PAID_NOT_POSTED("党费.到账未能入账", "到账未能入账（自动退款）"),
    NOTIFICATION_REFUSED("党费.支付通知被拒", "拒绝支付通知（金额或商户不符）"),
    REFUND_REQUESTED("党费.申请退款", "申请在线交纳退款"),
    REFUNDED("党费.退款成功", "在线交纳退款成功"),
    REFUND_FAILED("党费.退款失败", "在线交纳退款失败"),
    RECONCILED("党费.对账", "与微信支付对账");

    private final String code;
    private final String label;

    DuesOnlineAuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
