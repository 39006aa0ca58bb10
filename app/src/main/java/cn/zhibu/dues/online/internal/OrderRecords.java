package cn.zhibu.dues.online.internal;

import cn.zhibu.dues.online.OnlineOrder;
import cn.zhibu.dues.online.OnlineOrderStatus;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The orders, refunds and replay nonces of online payment (V38), in plain SQL. */
@Repository
public class OrderRecords {

    private static final String COLUMNS = "o.id, o.out_trade_no, o.member_id, o.org_id, o.org_path, o.months, o.dues,"
            + " o.extra, o.total_fen, o.status, o.h5_url, o.transaction_id, o.paid_at, o.created_at, o.expires_at,"
            + " o.ledger_entry, r.reason as refund_reason, r.out_refund_no, r.status as refund_status";
    private static final String FROM = " from dues_online_order o left join dues_online_refund r on r.order_id = o.id";

    private final JdbcClient jdbc;

    OrderRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An order with what the module needs beside its public view: its organization path and ledger entry. */
    public record Row(OnlineOrder order, String orgPath, long totalFen, Long ledgerEntry, String outRefundNo,
                      String refundStatus) {
        public long id() {
            return order.id();
        }

        public OnlineOrderStatus status() {
            return order.status();
        }
    }

    /** The member's registry entry: their organization (empty when they are not in the registry). */
    public Optional<Map<String, Object>> registryEntry(long memberId) {
        return jdbc.sql("select org_id, org_path from registry_member where member_id = ?").param(memberId)
                .query((rs, i) -> Map.<String, Object>of("orgId", rs.getLong(1), "orgPath", rs.getString(2)))
                .optional();
    }

    public long insert(String outTradeNo, long memberId, long orgId, String orgPath, List<YearMonth> months,
                       BigDecimal dues, BigDecimal extra, long totalFen, Instant expiresAt, String createdBy) {
        return jdbc.sql("insert into dues_online_order (out_trade_no, member_id, org_id, org_path, months, dues, extra,"
                        + " total_fen, status, expires_at, created_by) values (:no, :member, :org, :path,"
                        + " cast(:months as date[]), :dues, :extra, :fen, 'CREATED', :expires, :by) returning id")
                .param("no", outTradeNo).param("member", memberId).param("org", orgId).param("path", orgPath)
                .param("months", months.stream().map(m -> m.atDay(1).toString()).toList().toString()
                        .replace('[', '{').replace(']', '}').replace(" ", ""))
                .param("dues", dues).param("extra", extra).param("fen", totalFen)
                .param("expires", Timestamp.from(expiresAt)).param("by", createdBy)
                .query(Long.class).single();
    }

    public long nextId() {
        return jdbc.sql("select nextval('dues_online_order_seq')").query(Long.class).single();
    }

    public void setH5Url(long id, String url) {
        jdbc.sql("update dues_online_order set h5_url = ? where id = ?").params(url, id).update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where o.id = ?").param(id).query(this::row).optional();
    }

    public Optional<Row> findByOutTradeNo(String outTradeNo) {
        return jdbc.sql("select " + COLUMNS + FROM + " where o.out_trade_no = ?").param(outTradeNo).query(this::row)
                .optional();
    }

    /** Locks the order for the settlement or refund that changes it (one writer at a time). */
    public Optional<Row> lock(long id) {
        jdbc.sql("select id from dues_online_order where id = ? for update").param(id).query(Long.class).optional();
        return find(id);
    }

    /** Orders of the member's own, newest first. */
    public List<Row> ofMember(long memberId, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where o.member_id = ? order by o.id desc limit ?")
                .params(memberId, limit).query(this::row).list();
    }

    /** Orders in the caller's managed subtrees, newest first. */
    public List<Row> inScope(DataScope scope, int offset, int limit) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("o.org_path", params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + FROM + " where " + where + " order by o.id desc offset :offset limit :limit")
                .params(params).query(this::row).list();
    }

    public long countInScope(DataScope scope) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("o.org_path", params);
        return jdbc.sql("select count(*) from dues_online_order o where " + where).params(params).query(Long.class).single();
    }

    /** Unpaid orders of the member that still cover any of these months (a second order would pay them twice). */
    public List<Row> openOrdersCovering(long memberId, List<YearMonth> months, Instant now) {
        List<Row> open = jdbc.sql("select " + COLUMNS + FROM + " where o.member_id = ? and o.status = 'CREATED'"
                + " and o.expires_at > ?").params(memberId, Timestamp.from(now)).query(this::row).list();
        return open.stream().filter(r -> r.order().months().stream().anyMatch(months::contains)).toList();
    }

    /** Unpaid orders past their expiry (and a grace for a payment in flight), oldest first. */
    public List<Row> expiredUnpaid(Instant before, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where o.status = 'CREATED' and o.expires_at < ? order by o.id limit ?")
                .params(Timestamp.from(before), limit).query(this::row).list();
    }

    public void markPaid(long id, String transactionId, Instant paidAt, String settledBy, Long ledgerEntry) {
        jdbc.sql("update dues_online_order set status = 'PAID', transaction_id = ?, paid_at = ?, settled_by = ?,"
                        + " ledger_entry = ? where id = ?")
                .params(transactionId, Timestamp.from(paidAt), settledBy, ledgerEntry, id).update();
    }

    public void setStatus(long id, OnlineOrderStatus status) {
        jdbc.sql("update dues_online_order set status = ?, closed_at = case when ? = 'CLOSED' then now() else closed_at end"
                + " where id = ?").params(status.name(), status.name(), id).update();
    }

    public void insertRefund(long orderId, String outRefundNo, long amountFen, String reason, String status,
                             String requestedBy) {
        jdbc.sql("insert into dues_online_refund (order_id, out_refund_no, amount_fen, reason, status, requested_by)"
                + " values (?, ?, ?, ?, ?, ?)").params(orderId, outRefundNo, amountFen, reason, status, requestedBy).update();
    }

    public void refundSucceeded(String outRefundNo, String refundId, Instant at, Long reversalEntry) {
        jdbc.sql("update dues_online_refund set status = 'SUCCESS', refund_id = ?, succeeded_at = ?, reversal_entry = ?"
                + " where out_refund_no = ?").params(refundId, Timestamp.from(at), reversalEntry, outRefundNo).update();
    }

    public void refundFailed(String outRefundNo, String status) {
        jdbc.sql("update dues_online_refund set status = ? where out_refund_no = ?").params(status, outRefundNo).update();
    }

    public void deleteRefund(String outRefundNo) {
        jdbc.sql("delete from dues_online_refund where out_refund_no = ? and status <> 'SUCCESS'").param(outRefundNo)
                .update();
    }

    /** Records a notification's nonce; false when it was seen before (a replay). */
    public boolean firstUseOfNonce(String nonce) {
        return jdbc.sql("insert into dues_online_notify_nonce (nonce) values (?) on conflict do nothing").param(nonce)
                .update() == 1;
    }

    /** Nonces older than a day can no longer be replayed (the timestamp window refuses them first). */
    public int forgetOldNonces() {
        return jdbc.sql("delete from dues_online_notify_nonce where seen_at < now() - interval '1 day'").update();
    }

    /** Orders paid here during a day (China time), for reconciliation. */
    public List<Row> paidOn(LocalDate day) {
        Instant from = day.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        return jdbc.sql("select " + COLUMNS + FROM + " where o.paid_at >= ? and o.paid_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(this::row).list();
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        Array array = rs.getArray("months");
        for (Object d : (Object[]) array.getArray()) {
            months.add(YearMonth.from(((Date) d).toLocalDate()));
        }
        OnlineOrder order = new OnlineOrder(rs.getLong("id"), rs.getString("out_trade_no"), rs.getLong("member_id"),
                rs.getLong("org_id"), List.copyOf(months), rs.getBigDecimal("dues"), rs.getBigDecimal("extra"),
                BigDecimal.valueOf(rs.getLong("total_fen"), 2), OnlineOrderStatus.valueOf(rs.getString("status")),
                rs.getString("h5_url"), rs.getString("transaction_id"), instant(rs, "paid_at"),
                instant(rs, "created_at"), instant(rs, "expires_at"), rs.getString("refund_reason"));
        Long entry = rs.getObject("ledger_entry", Long.class);
        return new Row(order, rs.getString("org_path"), rs.getLong("total_fen"), entry,
                rs.getString("out_refund_no"), rs.getString("refund_status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** An audit snapshot of an order. */
    public static Map<String, Object> snapshot(Row row) {
        Map<String, Object> s = new LinkedHashMap<>();
        OnlineOrder o = row.order();
        s.put("outTradeNo", o.outTradeNo());
        s.put("memberId", o.memberId());
        s.put("months", o.months().stream().map(YearMonth::toString).toList());
        s.put("dues", o.dues());
        s.put("extra", o.extra());
        s.put("totalFen", row.totalFen());
        s.put("status", o.status().name());
        if (o.transactionId() != null) {
            s.put("transactionId", o.transactionId());
        }
        if (o.paidAt() != null) {
            s.put("paidAt", o.paidAt().toString());
        }
        if (row.ledgerEntry() != null) {
            s.put("ledgerEntry", row.ledgerEntry());
        }
        return s;
    }
}
