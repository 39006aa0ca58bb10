package cn.zhibu.dues.online.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a notification does once verified. A payment posts through {@link OrderSettlement} (a repeat posts nothing
 * and is answered success). A refund's success reverses the payment; when it arrives before the payment was
 * settled here (its notification late or lost), the payment is first confirmed by a signed query of the provider
 * and settled, then reversed — or, if the provider does not say it was paid, refused for the provider to retry.
 */
@Component
public class NotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(NotificationHandler.class);

    private final OnlineProvider provider;
    private final OrderRecords records;
    private final OrderSettlement settlement;

    NotificationHandler(OnlineProvider provider, OrderRecords records, OrderSettlement settlement) {
        this.provider = provider;
        this.records = records;
        this.settlement = settlement;
    }

    /** @throws NotificationVerifier.Refused with the status to answer */
    public void handle(String serial, String timestamp, String nonce, String signature, String body) {
        NotificationVerifier verifier = new NotificationVerifier(provider.account(), provider.clock(),
                records::firstUseOfNonce);
        NotificationVerifier.Verified n = verifier.verify(serial, timestamp, nonce, signature, body);
        if (n.eventType().startsWith("TRANSACTION.")) {
            payment(Transaction.of(n.resource()));
        } else if (n.eventType().startsWith("REFUND.")) {
            refund(RefundResult.of(n.resource()));
        } else {
            log.info("收到未处理的微信支付通知类型 {}，已确认收到", n.eventType());
        }
    }

    private void payment(Transaction tx) {
        switch (settlement.settle(tx, "NOTIFICATION")) {
            case SETTLED, ALREADY_SETTLED, NOT_PAID, UNPOSTABLE -> {
            }
            case AMOUNT_MISMATCH -> throw new NotificationVerifier.Refused(400, "金额与订单不符，未入账");
            case WRONG_MERCHANT -> throw new NotificationVerifier.Refused(400, "商户号或应用ID不符");
            case UNKNOWN_ORDER -> throw new NotificationVerifier.Refused(404, "订单不存在");
        }
    }

    private void refund(RefundResult refund) {
        if (!provider.account().mchid().equals(refund.mchid())) {
            throw new NotificationVerifier.Refused(400, "商户号不符");
        }
        if (refund.failed()) {
            settlement.refundFailed(refund);
            return;
        }
        if (!refund.succeeded()) {
            return;
        }
        if (settlement.refunded(refund, "微信支付")) {
            return;
        }
        // out of order: the payment is not settled here yet — ask the provider, then settle and reverse
        Optional<Transaction> tx = refund.outTradeNo() == null ? Optional.empty()
                : provider.client().query(refund.outTradeNo());
        if (tx.isEmpty()) {
            throw new NotificationVerifier.Refused(404, "订单不存在");
        }
        OrderSettlement.Outcome outcome = settlement.settle(tx.get(), "QUERY");
        if ((outcome == OrderSettlement.Outcome.SETTLED || outcome == OrderSettlement.Outcome.ALREADY_SETTLED
                || outcome == OrderSettlement.Outcome.UNPOSTABLE)
                && settlement.refunded(refund, "微信支付")) {
            return;
        }
        throw new NotificationVerifier.Refused(409, "该订单的支付尚未确认，请稍后重发退款通知");
    }
}
