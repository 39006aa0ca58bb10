package cn.zhibu.dues.online;

import cn.zhibu.dues.online.Reconciliation.Finding;
import cn.zhibu.dues.online.Reconciliation.Kind;
import cn.zhibu.dues.online.internal.OnlineProvider;
import cn.zhibu.dues.online.internal.OrderRecords;
import cn.zhibu.dues.online.internal.OrderSettlement;
import cn.zhibu.dues.online.internal.ProviderException;
import cn.zhibu.dues.online.internal.RefundResult;
import cn.zhibu.dues.online.internal.TradeBill;
import cn.zhibu.dues.online.internal.Transaction;
import cn.zhibu.dues.online.internal.WechatPayClient;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciliation with the provider's trade bill of a day (China time): the file's SHA1 checked against the one the
 * provider signed, then every trade compared with the orders — paid there but not settled here (settled now, from the
 * bill), settled here but absent there, amounts that differ (never settled), trades unknown here, refunds not
 * recorded here (reversed now). Run daily by the schedule and on demand by an 组织管理员; each run audited. The
 * merchant account is the platform's, so a run covers every organization; each viewer sees the findings of the
 * organizations they administer.
 */
@Service
public class OnlineReconciliations {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final OnlineProvider provider;
    private final OrderRecords records;
    private final OrderSettlement settlement;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    private final OnlinePayments payments;

    OnlineReconciliations(OnlineProvider provider, OrderRecords records, OrderSettlement settlement, JdbcClient jdbc,
                          AuditLog audit, TransactionTemplate tx, OnlinePayments payments) {
        this.payments = payments;
        this.provider = provider;
        this.records = records;
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    /** Who may run and read reconciliations: 组织管理员 and system administrators. */
    public boolean mayReconcile(DataScope scope) {
        return scope.all() || !scope.orgAdminPaths().isEmpty();
    }

    public Reconciliation run(DataScope scope, LocalDate day) {
        if (!mayReconcile(scope)) {
            throw new ForbiddenException("对账由组织管理员进行");
        }
        WechatPayClient client = provider.client();
        if (day == null || !day.isBefore(LocalDate.now(provider.clock().withZone(CHINA)))) {
            throw InvalidInputException.of("date", "只能对今天以前的日期对账（微信支付次日提供前一天的账单）");
        }
        if (day.isBefore(LocalDate.now(provider.clock().withZone(CHINA)).minusMonths(3))) {
            throw InvalidInputException.of("date", "微信支付只提供三个月内的账单");
        }
        Optional<WechatPayClient.TradeBillFile> file;
        TradeBill bill;
        try {
            file = client.tradeBill(day);
            bill = file.map(f -> TradeBill.parse(f.text())).orElse(new TradeBill(List.of(), 0, 0, 0));
        } catch (ProviderException | IllegalArgumentException e) {
            throw new ServiceNotConfiguredException("无法取得 " + day + " 的对账单：" + e.getMessage());
        }
        List<Finding> findings = compare(day, bill);
        long id = tx.execute(s -> {
            long saved = jdbc.sql("insert into dues_online_reconciliation (bill_date, statement_sha1, trades, findings,"
                            + " run_by) values (?, ?, ?, ?, ?) returning id")
                    .params(day, file.map(WechatPayClient.TradeBillFile::sha1).orElse(null), bill.rows().size(),
                            findings.size(), scope.actorName()).query(Long.class).single();
            int seq = 0;
            for (Finding f : findings) {
                String path = f.orderId() == null ? null : records.find(f.orderId()).map(OrderRecords.Row::orgPath).orElse(null);
                jdbc.sql("insert into dues_online_finding (reconciliation_id, seq, kind, out_trade_no, order_id, org_path,"
                                + " bill_fen, order_fen) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(saved, ++seq, f.kind().name(), f.outTradeNo(), f.orderId(), path, f.billFen(), f.orderFen())
                        .update();
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("billDate", day.toString());
            after.put("statementSha1", file.map(WechatPayClient.TradeBillFile::sha1).orElse(null));
            after.put("trades", bill.rows().size());
            after.put("findings", findings.size());
            audit.record(scope, DuesOnlineAuditAction.RECONCILED, "dues_online_reconciliation", saved, null, null, after);
            return saved;
        });
        return find(scope, id).orElseThrow();
    }

    private List<Finding> compare(LocalDate day, TradeBill bill) {
        List<Finding> findings = new ArrayList<>();
        Set<String> paidInBill = new HashSet<>();
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (TradeBill.Row row : bill.rows()) {
            Optional<OrderRecords.Row> order = records.findByOutTradeNo(row.outTradeNo());
            if ("SUCCESS".equals(row.state())) {
                paidInBill.add(row.outTradeNo());
                if (order.isEmpty()) {
                    findings.add(new Finding(Kind.UNKNOWN_TRADE, row.outTradeNo(), null, row.totalFen(), null));
                    continue;
                }
                OrderRecords.Row o = order.get();
                if (o.totalFen() != row.totalFen()) {
                    findings.add(new Finding(Kind.AMOUNT_DIFFERS, row.outTradeNo(), o.id(), row.totalFen(), o.totalFen()));
                } else if (o.status() == OnlineOrderStatus.CREATED || o.status() == OnlineOrderStatus.CLOSED) {
                    Transaction paid = new Transaction(row.mchid(), null, row.outTradeNo(), row.transactionId(), "SUCCESS",
                            row.totalFen(), LocalDateTime.parse(row.time(), at).atZone(CHINA).toInstant());
                    if (settlement.settle(paid, "RECONCILIATION") == OrderSettlement.Outcome.SETTLED) {
                        findings.add(new Finding(Kind.SETTLED_FROM_BILL, row.outTradeNo(), o.id(), row.totalFen(), o.totalFen()));
                    }
                }
            } else if ("REFUND".equals(row.state()) && "SUCCESS".equals(row.refundStatus()) && order.isPresent()
                    && order.get().status() != OnlineOrderStatus.REFUNDED) {
                RefundResult refund = new RefundResult(row.mchid(), row.outTradeNo(), row.transactionId(),
                        row.outRefundNo(), row.refundId(), "SUCCESS", row.refundFen(), row.totalFen(),
                        LocalDateTime.parse(row.time(), at).atZone(CHINA).toInstant());
                if (settlement.refunded(refund, "对账")) {
                    findings.add(new Finding(Kind.REFUND_NOT_RECORDED, row.outTradeNo(), order.get().id(),
                            row.refundFen(), order.get().totalFen()));
                }
            }
        }
        for (OrderRecords.Row o : records.paidOn(day)) {
            if (!paidInBill.contains(o.order().outTradeNo())) {
                findings.add(new Finding(Kind.MISSING_FROM_BILL, o.order().outTradeNo(), o.id(), null, o.totalFen()));
            }
        }
        return findings;
    }

    /** Recent runs, newest first, each with the findings the caller's scope covers. */
    public List<Reconciliation> recent(DataScope scope, int limit) {
        if (!mayReconcile(scope)) {
            throw new ForbiddenException("对账由组织管理员进行");
        }
        return jdbc.sql("select id from dues_online_reconciliation order by id desc limit ?").param(limit)
                .query(Long.class).list().stream().map(id -> find(scope, id).orElseThrow()).toList();
    }

    public Optional<Reconciliation> find(DataScope scope, long id) {
        if (!mayReconcile(scope)) {
            return Optional.empty();
        }
        Map<String, Object> params = DataScope.params();
        String visible = scope.all() ? "true" : scope.orgAdminScopeSql("org_path", params);
        params.put("id", id);
        List<Finding> findings = jdbc.sql("select kind, out_trade_no, order_id, bill_fen, order_fen from dues_online_finding"
                        + " where reconciliation_id = :id and " + visible + " order by seq").params(params)
                .query((rs, i) -> new Finding(Kind.valueOf(rs.getString(1)), rs.getString(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5))).list();
        return jdbc.sql("select id, bill_date, statement_sha1, trades, findings, run_by, run_at"
                        + " from dues_online_reconciliation where id = ?").param(id)
                .query((rs, i) -> new Reconciliation(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), findings))
                .optional();
    }

    /**
     * The schedule's run: replay nonces past any window forgotten, expired orders settled or closed, and yesterday's
     * bill compared once, after the hour the provider has it ready.
     */
    public void daily() {
        if (!provider.available()) {
            return;
        }
        records.forgetOldNonces();
        payments.sweepExpired();
        var now = provider.clock().instant().atZone(CHINA);
        if (now.getHour() < provider.settings().reconcileAfter()) {
            return;
        }
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        boolean done = jdbc.sql("select exists (select 1 from dues_online_reconciliation where bill_date = ?)")
                .param(yesterday).query(Boolean.class).single();
        if (!done) {
            run(DataScope.system("每日对账"), yesterday);
        }
    }
}
