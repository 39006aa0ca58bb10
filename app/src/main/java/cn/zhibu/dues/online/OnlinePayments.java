package cn.zhibu.dues.online;

import cn.zhibu.dues.DuesPayments;
import cn.zhibu.dues.OpenBill;
import cn.zhibu.dues.online.internal.OnlineProvider;
import cn.zhibu.dues.online.internal.OrderRecords;
import cn.zhibu.dues.online.internal.OrderSettlement;
import cn.zhibu.dues.online.internal.ProviderException;
import cn.zhibu.dues.online.internal.RefundResult;
import cn.zhibu.dues.online.internal.Transaction;
import cn.zhibu.dues.online.internal.WechatPayClient;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 党费 paid online by the member, for themselves only: the order (months chosen from what they owe or may prepay,
 * priced by the ledger's {@link DuesPayments#quote}, plus any voluntary extra, F7), the provider's H5 payment, and
 * its status — asked of the provider when its notification has not come yet.
 */
@Service
public class OnlinePayments {

    /** F7 extra in one online order: at most this much (a larger gift goes through the branch). */
    static final BigDecimal MAX_EXTRA = new BigDecimal("100000.00");

    private final OnlineProvider provider;
    private final OrderRecords records;
    private final OrderSettlement settlement;
    private final DuesPayments payments;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    OnlinePayments(OnlineProvider provider, OrderRecords records, OrderSettlement settlement, DuesPayments payments,
                   AuditLog audit, TransactionTemplate tx) {
        this.provider = provider;
        this.records = records;
        this.settlement = settlement;
        this.payments = payments;
        this.audit = audit;
        this.tx = tx;
    }

    public boolean available() {
        return provider.available();
    }

    /** The bills the caller (a member) still owes. */
    public List<OpenBill> openBills(DataScope scope) {
        return payments.openBills(self(scope));
    }

    /**
     * Places an order and asks the provider for its H5 payment page.
     *
     * @throws InvalidInputException naming {@code months} or {@code extra}
     */
    public OnlineOrder place(DataScope scope, List<YearMonth> months, BigDecimal extra, String clientIp) {
        WechatPayClient client = provider.client();
        long memberId = self(scope);
        List<YearMonth> chosen = months == null ? List.of() : months.stream().distinct().sorted().toList();
        BigDecimal gift = extra == null ? BigDecimal.ZERO : extra;
        if (gift.signum() < 0 || gift.scale() > 2 || gift.compareTo(MAX_EXTRA) > 0) {
            throw InvalidInputException.of("extra", "自愿多交的金额应在0至100000.00元之间，精确到分");
        }
        if (chosen.isEmpty() && gift.signum() == 0) {
            throw InvalidInputException.of("months", "请选择要交纳的月份，或填写自愿多交的金额");
        }
        if (chosen.size() > 24) {
            throw InvalidInputException.of("months", "一次最多交纳24个月");
        }
        Instant now = provider.clock().instant();
        if (!records.openOrdersCovering(memberId, chosen, now).isEmpty()) {
            throw InvalidInputException.of("months", "所选月份已有待支付的订单，请先完成或等待其过期");
        }
        BigDecimal dues = chosen.isEmpty() ? BigDecimal.ZERO : payments.quote(memberId, chosen).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal total = dues.add(gift);
        var entry = records.registryEntry(memberId)
                .orElseThrow(() -> new NotFoundException("党员不在党员名册中"));
        Instant expires = now.plus(provider.settings().orderExpiry());
        long fen = total.movePointRight(2).longValueExact();
        OrderRecords.Row row = tx.execute(s -> {
            long id = records.nextId();
            String outTradeNo = "ZB" + DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(ZoneId.of("Asia/Shanghai")))
                    + String.format("%010d", id);
            long inserted = records.insert(outTradeNo, memberId, (Long) entry.get("orgId"), (String) entry.get("orgPath"),
                    chosen, dues, gift, fen, expires, scope.actorName());
            OrderRecords.Row created = records.find(inserted).orElseThrow();
            audit.record(scope, DuesOnlineAuditAction.ORDER_PLACED, OrderSettlement.ORDER_ENTITY, inserted,
                    created.orgPath(), null, OrderRecords.snapshot(created));
            return created;
        });
        String description = "党费" + (chosen.isEmpty() ? "（自愿多交）" : " " + describe(chosen));
        try {
            String url = client.h5(new WechatPayClient.H5Order(row.order().outTradeNo(), description, fen, expires,
                    provider.notifyUrl(), clientIp == null || clientIp.isBlank() ? "127.0.0.1" : clientIp));
            records.setH5Url(row.id(), url);
        } catch (ProviderException e) {
            closeLocally(row, "下单失败：" + e.getMessage());
            throw new ServiceNotConfiguredException("微信支付下单失败，请稍后再试（" + e.getMessage() + "）");
        }
        return records.find(row.id()).orElseThrow().order();
    }

    /** An order the caller may see: their own, or one in a subtree they manage (the branch, for refunds). */
    public OnlineOrder get(DataScope scope, long id) {
        return visible(scope, id).order();
    }

    /**
     * The order after asking the provider, when it is still unpaid here (its notification may be late or lost) or a
     * refund is pending: settled, closed or refunded by what the provider's signed answer says.
     */
    public OnlineOrder refresh(DataScope scope, long id) {
        OrderRecords.Row row = visible(scope, id);
        if (!provider.available()) {
            return row.order();
        }
        try {
            if (row.status() == OnlineOrderStatus.CREATED) {
                Optional<Transaction> t = provider.client().query(row.order().outTradeNo());
                if (t.isPresent() && t.get().paid()) {
                    settlement.settle(t.get(), "QUERY");
                } else if ((t.isPresent() && t.get().dead())
                        || (t.isEmpty() && row.order().expiresAt().isBefore(provider.clock().instant()))) {
                    closeLocally(row, "微信支付订单已关闭或已过期");
                }
            } else if (row.status() == OnlineOrderStatus.REFUNDING && row.outRefundNo() != null) {
                Optional<RefundResult> r = provider.client().queryRefund(row.outRefundNo());
                if (r.isPresent() && r.get().succeeded()) {
                    settlement.refunded(r.get(), "微信支付");
                } else if (r.isPresent() && r.get().failed()) {
                    settlement.refundFailed(r.get());
                }
            }
        } catch (ProviderException e) {
            // the page shows what is known; the next look asks again
            return row.order();
        }
        return records.find(id).orElseThrow().order();
    }

    /**
     * Orders left unpaid past their expiry: settled if the provider says they were paid after all (a lost
     * notification), else closed there and here, so that their months can be ordered again. Run by the schedule.
     *
     * @return how many were looked at
     */
    public int sweepExpired() {
        if (!provider.available()) {
            return 0;
        }
        WechatPayClient client = provider.client();
        List<OrderRecords.Row> expired = records.expiredUnpaid(provider.clock().instant().minusSeconds(300), 100);
        for (OrderRecords.Row row : expired) {
            try {
                Optional<Transaction> t = client.query(row.order().outTradeNo());
                if (t.isPresent() && t.get().paid()) {
                    settlement.settle(t.get(), "QUERY");
                    continue;
                }
                if (t.isPresent() && !t.get().dead()) {
                    client.close(row.order().outTradeNo());
                }
                closeLocally(row, "超过支付期限未支付");
            } catch (ProviderException e) {
                // asked again at the next run
            }
        }
        return expired.size();
    }

    /** The caller's own orders, newest first. */
    public List<OnlineOrder> mine(DataScope scope) {
        return records.ofMember(self(scope), 50).stream().map(OrderRecords.Row::order).toList();
    }

    /** Orders of the members the caller manages, newest first. */
    public List<OnlineOrder> managed(DataScope scope, int page, int size) {
        if (!scope.hasManagedScope()) {
            return List.of();
        }
        return records.inScope(scope, page * size, size).stream().map(OrderRecords.Row::order).toList();
    }

    public long countManaged(DataScope scope) {
        return scope.hasManagedScope() ? records.countInScope(scope) : 0;
    }

    /** The address the phone goes to: the H5 page, with where to come back to afterwards. */
    public String payUrl(OnlineOrder order) {
        if (order.h5Url() == null) {
            return null;
        }
        return order.h5Url() + "&redirect_url=" + java.net.URLEncoder.encode(
                provider.pageUrl("/dues/online/orders/" + order.id()), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The organization path of an order the caller may see. */
    public String orgPathOf(DataScope scope, long id) {
        return visible(scope, id).orgPath();
    }

    OrderRecords.Row visible(DataScope scope, long id) {
        return records.find(id)
                .filter(r -> (scope.selfMemberId() != null && scope.selfMemberId() == r.order().memberId())
                        || scope.managesMembersAt(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("订单不存在"));
    }

    private void closeLocally(OrderRecords.Row row, String reason) {
        tx.executeWithoutResult(s -> records.lock(row.id())
                .filter(r -> r.status() == OnlineOrderStatus.CREATED)
                .ifPresent(r -> {
                    records.setStatus(r.id(), OnlineOrderStatus.CLOSED);
                    var after = OrderRecords.snapshot(records.find(r.id()).orElseThrow());
                    after.put("reason", reason);
                    audit.record(DataScope.system("微信支付"), DuesOnlineAuditAction.ORDER_CLOSED,
                            OrderSettlement.ORDER_ENTITY, r.id(), r.orgPath(), OrderRecords.snapshot(r), after);
                }));
    }

    private static long self(DataScope scope) {
        if (scope.selfMemberId() == null) {
            throw new ForbiddenException("在线交纳党费只能由党员本人进行：您的账号没有关联党员");
        }
        return scope.selfMemberId();
    }

    static String describe(List<YearMonth> months) {
        List<String> parts = new ArrayList<>();
        for (YearMonth m : months) {
            parts.add(m.getYear() + "年" + m.getMonthValue() + "月");
        }
        String joined = String.join("、", parts);
        return joined.length() > 100 ? months.get(0) + " 至 " + months.get(months.size() - 1) + "（" + months.size() + "个月）"
                : joined;
    }
}
