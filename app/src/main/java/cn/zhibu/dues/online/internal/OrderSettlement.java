package cn.zhibu.dues.online.internal;

import cn.zhibu.dues.DuesPayments;
import cn.zhibu.dues.OnlineSettlement;
import cn.zhibu.dues.online.DuesOnlineAuditAction;
import cn.zhibu.dues.online.OnlineOrderStatus;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import cn.zhibu.platform.InvalidInputException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what the provider confirmed (a signed notification, a signed query answer, or a hash-checked trade bill) into
 * the ledger's entries, each in one transaction with the order's change and its audit entry: a payment posts once
 * ({@link DuesPayments#settleOnline}); a refund reverses it once ({@link DuesPayments#reverseOnline}). A payment
 * whose amount is not the order's posts nothing and is audited.
 */
@Component
public class OrderSettlement {

    private static final Logger log = LoggerFactory.getLogger(OrderSettlement.class);
    public static final String ORDER_ENTITY = "dues_online_order";
    static final String ORDER = ORDER_ENTITY;
    static final String REFUND = "dues_online_refund";

    /** UNPOSTABLE: paid, but the ledger refused the months (the bills changed meanwhile): refunded automatically. */
    public enum Outcome { SETTLED, ALREADY_SETTLED, UNKNOWN_ORDER, AMOUNT_MISMATCH, WRONG_MERCHANT, NOT_PAID, UNPOSTABLE }

    private final OrderRecords records;
    private final DuesPayments payments;
    private final AuditLog audit;
    private final OnlineProvider provider;

    private final TransactionTemplate transactions;

    OrderSettlement(OrderRecords records, DuesPayments payments, AuditLog audit, OnlineProvider provider,
                    TransactionTemplate transactions) {
        this.records = records;
        this.payments = payments;
        this.audit = audit;
        this.provider = provider;
        this.transactions = transactions;
    }

    /**
     * Posts a confirmed payment in one transaction. When the ledger refuses its months (paid at the branch or voided
     * since the order was placed), the money is sent back: the order is recorded as paid and refunded in full, and
     * nothing is posted.
     *
     * @param via NOTIFICATION, QUERY or RECONCILIATION: what confirmed it
     */
    public Outcome settle(Transaction tx, String via) {
        try {
            return transactions.execute(s -> settleInTransaction(tx, via));
        } catch (InvalidInputException refusedByLedger) {
            return unpostable(tx, via, refusedByLedger.getMessage());
        }
    }

    private Outcome unpostable(Transaction tx, String via, String why) {
        String reason = "到账时所交月份已不可交纳（" + why + "），自动退款";
        OrderRecords.Row row = transactions.execute(s -> {
            Optional<OrderRecords.Row> locked = records.findByOutTradeNo(tx.outTradeNo()).flatMap(r -> records.lock(r.id()));
            if (locked.isEmpty() || (locked.get().status() != OnlineOrderStatus.CREATED
                    && locked.get().status() != OnlineOrderStatus.CLOSED)) {
                return null;
            }
            OrderRecords.Row r = locked.get();
            Instant paidAt = tx.successTime() == null ? provider.clock().instant() : tx.successTime();
            records.markPaid(r.id(), tx.transactionId(), paidAt, via, null);
            records.setStatus(r.id(), OnlineOrderStatus.REFUNDING);
            String outRefundNo = "RF" + r.order().outTradeNo().substring(2) + "-A";
            records.insertRefund(r.id(), outRefundNo, r.totalFen(), reason, "PROCESSING", "微信支付");
            Map<String, Object> after = OrderRecords.snapshot(records.find(r.id()).orElseThrow());
            after.put("reason", reason);
            audit.record(DataScope.system("微信支付"), DuesOnlineAuditAction.PAID_NOT_POSTED, ORDER, r.id(), r.orgPath(),
                    OrderRecords.snapshot(r), after);
            return records.find(r.id()).orElseThrow();
        });
        if (row == null) {
            return Outcome.ALREADY_SETTLED;
        }
        try {
            RefundResult result = provider.client().refund(row.order().outTradeNo(), row.outRefundNo(), row.totalFen(),
                    row.totalFen(), "党费月份已由支部登记，自动退款", provider.notifyUrl());
            if (result.succeeded()) {
                refunded(result, "微信支付");
            }
        } catch (ProviderException e) {
            log.warn("自动退款请求失败，订单 {} 保持退款中，查看订单时将再次查询：{}", row.order().outTradeNo(), e.getMessage());
        }
        return Outcome.UNPOSTABLE;
    }

    private Outcome settleInTransaction(Transaction tx, String via) {
        MerchantAccount account = provider.account();
        if (!account.mchid().equals(tx.mchid()) || (tx.appid() != null && !account.appid().equals(tx.appid()))) {
            log.warn("支付确认的商户号或应用ID与配置不符，未入账：订单 {}", tx.outTradeNo());
            return Outcome.WRONG_MERCHANT;
        }
        Optional<OrderRecords.Row> found = tx.outTradeNo() == null ? Optional.empty()
                : records.findByOutTradeNo(tx.outTradeNo()).flatMap(r -> records.lock(r.id()));
        if (found.isEmpty()) {
            log.warn("支付确认的订单在本平台不存在，未入账：{}", tx.outTradeNo());
            return Outcome.UNKNOWN_ORDER;
        }
        OrderRecords.Row row = found.get();
        if (!tx.paid()) {
            return Outcome.NOT_PAID;
        }
        if (row.status() != OnlineOrderStatus.CREATED && row.status() != OnlineOrderStatus.CLOSED) {
            return Outcome.ALREADY_SETTLED;
        }
        if (tx.totalFen() != row.totalFen()) {
            log.warn("支付确认的金额与订单不符，未入账：订单 {} 应为 {} 分，确认为 {} 分", row.order().outTradeNo(),
                    row.totalFen(), tx.totalFen());
            Map<String, Object> after = OrderRecords.snapshot(row);
            after.put("notifiedFen", tx.totalFen());
            after.put("reason", "金额不符（" + via + "）");
            audit.record(DataScope.system("微信支付"), DuesOnlineAuditAction.NOTIFICATION_REFUSED, ORDER, row.id(),
                    row.orgPath(), OrderRecords.snapshot(row), after);
            return Outcome.AMOUNT_MISMATCH;
        }
        Instant paidAt = tx.successTime() == null ? provider.clock().instant() : tx.successTime();
        long entry = payments.settleOnline(new OnlineSettlement(row.id(), row.order().memberId(), row.order().months(),
                row.order().dues(), row.order().extra(), tx.transactionId(), paidAt));
        records.markPaid(row.id(), tx.transactionId(), paidAt, via, entry);
        OrderRecords.Row paid = records.find(row.id()).orElseThrow();
        Map<String, Object> after = OrderRecords.snapshot(paid);
        after.put("settledBy", via);
        audit.record(DataScope.system("微信支付"), DuesOnlineAuditAction.ORDER_PAID, ORDER, row.id(), row.orgPath(),
                OrderRecords.snapshot(row), after);
        return Outcome.SETTLED;
    }

    /**
     * Completes a refund the provider reports as succeeded: the ledger reverses the order's entry. A refund made on
     * the merchant platform (unknown here) is recorded first. The order must be settled already.
     *
     * @return false when the order is unknown or not yet settled here
     */
    public boolean refunded(RefundResult refund, String actor) {
        return Boolean.TRUE.equals(transactions.execute(s -> refundedInTransaction(refund, actor)));
    }

    private boolean refundedInTransaction(RefundResult refund, String actor) {
        Optional<OrderRecords.Row> found = refund.outTradeNo() == null ? Optional.empty()
                : records.findByOutTradeNo(refund.outTradeNo()).flatMap(r -> records.lock(r.id()));
        if (found.isEmpty()) {
            return false;
        }
        OrderRecords.Row row = found.get();
        if (row.status() == OnlineOrderStatus.REFUNDED) {
            return true;
        }
        if (row.status() != OnlineOrderStatus.PAID && row.status() != OnlineOrderStatus.REFUNDING) {
            return false;
        }
        String reason = row.order().refundReason();
        if (row.outRefundNo() == null) {
            reason = "在商户平台退款";
            records.insertRefund(row.id(), refund.outRefundNo(), refund.refundFen() > 0 ? refund.refundFen()
                    : row.totalFen(), reason, "PROCESSING", actor);
        }
        // an order refunded because the ledger refused it was never posted: nothing to reverse
        Long reversal = row.ledgerEntry() == null ? null : payments.reverseOnline(row.id(), reason, actor);
        records.refundSucceeded(refund.outRefundNo(), refund.refundId(),
                refund.successTime() == null ? provider.clock().instant() : refund.successTime(), reversal);
        records.setStatus(row.id(), OnlineOrderStatus.REFUNDED);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("orderId", row.id());
        after.put("outRefundNo", refund.outRefundNo());
        after.put("amountFen", refund.refundFen());
        after.put("reason", reason);
        after.put("status", "SUCCESS");
        after.put("reversalEntry", reversal);
        audit.record(DataScope.system("微信支付"), DuesOnlineAuditAction.REFUNDED, REFUND, refund.outRefundNo(),
                row.orgPath(), null, after);
        return true;
    }

    /** The provider closed or refused the refund: the order is paid again, and the branch may ask anew. */
    public void refundFailed(RefundResult refund) {
        transactions.executeWithoutResult(s -> refundFailedInTransaction(refund));
    }

    private void refundFailedInTransaction(RefundResult refund) {
        records.findByOutTradeNo(String.valueOf(refund.outTradeNo())).flatMap(r -> records.lock(r.id()))
                .filter(r -> r.status() == OnlineOrderStatus.REFUNDING && refund.outRefundNo().equals(r.outRefundNo()))
                .ifPresent(row -> {
                    records.refundFailed(refund.outRefundNo(), refund.status());
                    // a failed refund frees the order for another attempt: its row goes, the audit keeps it
                    records.deleteRefund(refund.outRefundNo());
                    records.setStatus(row.id(), OnlineOrderStatus.PAID);
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("orderId", row.id());
                    after.put("outRefundNo", refund.outRefundNo());
                    after.put("status", refund.status());
                    audit.record(DataScope.system("微信支付"), DuesOnlineAuditAction.REFUND_FAILED, REFUND,
                            refund.outRefundNo(), row.orgPath(), null, after);
                });
    }
}
