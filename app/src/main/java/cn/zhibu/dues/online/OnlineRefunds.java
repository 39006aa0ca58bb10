package cn.zhibu.dues.online;

import cn.zhibu.dues.online.internal.OnlineProvider;
import cn.zhibu.dues.online.internal.OrderRecords;
import cn.zhibu.dues.online.internal.OrderSettlement;
import cn.zhibu.dues.online.internal.ProviderException;
import cn.zhibu.dues.online.internal.RefundResult;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refunds of mistaken online payments, in full, asked by whoever manages the member (书记, 组织管理员) with a reason:
 * the order goes REFUNDING, the provider is asked, and when it reports success (at once, by notification or when
 * asked) the ledger reverses the payment.
 */
@Service
public class OnlineRefunds {

    private final OnlineProvider provider;
    private final OrderRecords records;
    private final OrderSettlement settlement;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    OnlineRefunds(OnlineProvider provider, OrderRecords records, OrderSettlement settlement, AuditLog audit,
                  TransactionTemplate tx) {
        this.provider = provider;
        this.records = records;
        this.settlement = settlement;
        this.audit = audit;
        this.tx = tx;
    }

    public OnlineOrder refund(DataScope scope, long orderId, String reason) {
        provider.client();
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "请说明退款原因");
        }
        OrderRecords.Row row = tx.execute(s -> {
            OrderRecords.Row locked = records.lock(orderId).filter(r -> scope.managesMembersAt(r.orgPath()))
                    .orElseThrow(() -> new NotFoundException("订单不存在"));
            if (locked.status() != OnlineOrderStatus.PAID) {
                throw InvalidInputException.of("status", "只有已交纳的订单可以退款，该订单" + locked.status().label());
            }
            String outRefundNo = "RF" + locked.order().outTradeNo().substring(2) + "-" + System.currentTimeMillis() % 100000;
            records.insertRefund(orderId, outRefundNo, locked.totalFen(), reason.strip(), "PROCESSING", scope.actorName());
            records.setStatus(orderId, OnlineOrderStatus.REFUNDING);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("orderId", orderId);
            after.put("outRefundNo", outRefundNo);
            after.put("amountFen", locked.totalFen());
            after.put("reason", reason.strip());
            after.put("status", "PROCESSING");
            audit.record(scope, DuesOnlineAuditAction.REFUND_REQUESTED, "dues_online_refund", outRefundNo,
                    locked.orgPath(), null, after);
            return records.find(orderId).orElseThrow();
        });
        try {
            RefundResult result = provider.client().refund(row.order().outTradeNo(), row.outRefundNo(), row.totalFen(),
                    row.totalFen(), reason.strip(), provider.notifyUrl());
            if (result.succeeded()) {
                settlement.refunded(result, scope.actorName());
            } else if (result.failed()) {
                settlement.refundFailed(result);
            }
        } catch (ProviderException e) {
            if (e.status() >= 400 && e.status() < 500) {
                // refused outright: nothing is being refunded, the order is paid again
                settlement.refundFailed(new RefundResult(provider.account().mchid(), row.order().outTradeNo(), null,
                        row.outRefundNo(), null, "CLOSED", row.totalFen(), row.totalFen(), null));
                throw new ServiceNotConfiguredException("微信支付拒绝了退款：" + e.getMessage());
            }
            // unknown outcome (unreachable): stays 退款中, and the order page asks the provider again
        }
        return records.find(orderId).orElseThrow().order();
    }
}
