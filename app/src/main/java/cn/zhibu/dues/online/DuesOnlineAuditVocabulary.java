package cn.zhibu.dues.online;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How online payment's audit entries read: orders, refunds and reconciliations. */
@Component
class DuesOnlineAuditVocabulary implements AuditVocabulary {

    static final String ORDER = "dues_online_order";
    static final String REFUND = "dues_online_refund";
    static final String RECONCILIATION = "dues_online_reconciliation";

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(DuesOnlineAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of(ORDER, "党费在线订单")
                        .field("outTradeNo", "商户订单号")
                        .field("memberId", "党员编号")
                        .field("months", "交纳月份")
                        .field("dues", "党费（元）")
                        .field("extra", "自愿多交（元）")
                        .field("totalFen", "订单金额（分）")
                        .field("status", "状态")
                        .field("transactionId", "微信支付订单号")
                        .field("paidAt", "支付时间")
                        .field("settledBy", "确认方式")
                        .field("ledgerEntry", "账目编号")
                        .field("notifiedFen", "通知金额（分）")
                        .field("reason", "原因")
                        .title("outTradeNo"),
                AuditSubject.of(REFUND, "党费退款")
                        .field("orderId", "订单编号")
                        .field("outRefundNo", "商户退款单号")
                        .field("amountFen", "退款金额（分）")
                        .field("reason", "退款原因")
                        .field("status", "状态")
                        .field("reversalEntry", "冲正账目编号")
                        .title("outRefundNo"),
                AuditSubject.of(RECONCILIATION, "微信支付对账")
                        .field("billDate", "账单日期")
                        .field("statementSha1", "账单摘要（SHA1）")
                        .field("trades", "账单笔数")
                        .field("findings", "差异数")
                        .title("billDate"));
    }
}
