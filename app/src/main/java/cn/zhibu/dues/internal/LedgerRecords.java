package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesLedger.BillLine;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.dues.LedgerEntry.Allocation;
import cn.zhibu.dues.LedgerEntryKind;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger's rows (dues_entry, dues_allocation, dues_center_receipt: inserted, never updated — V34's trigger
 * refuses it) and the bill columns a payment moves (paid, status). Callers check scope before they come here.
 */
@Repository
public class LedgerRecords {

    /** First key of the per-member advisory lock ("DUES"): one member's payments are posted one after another. */
    private static final int LOCK_CLASS = 0x44554553;

    private final JdbcClient jdbc;

    LedgerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member in the registry now (V32 registry_member), where they belong. */
    public record RegistryMember(long memberId, long orgId, String orgPath, long rootId, String status,
                                 LocalDate joinedOn) {

        public boolean probationary() {
            return "PROBATIONARY".equals(status);
        }
    }

    /** A bill as a payment sees it; orgPath: where its organization is now (bills carry no path, V51). */
    public record Bill(YearMonth month, long orgId, String orgPath, BigDecimal amount, BigDecimal paid, String status,
                       Instant createdAt) {
    }

    public Optional<RegistryMember> member(long memberId) {
        return jdbc.sql("select member_id, org_id, org_path, root_id, status, joined_on from registry_member"
                        + " where member_id = ?")
                .param(memberId)
                .query((rs, i) -> new RegistryMember(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class)))
                .optional();
    }

    /** Serializes the postings of one member (two payments for the same month: the second sees the first). */
    public void lockMember(long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, (int) (memberId ^ (memberId >>> 32)))
                .query((rs, i) -> 1).list();
    }

    /** The member's bills of these months, locked for the posting. */
    public Map<YearMonth, Bill> billsForUpdate(long memberId, Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return Map.of();
        }
        Map<YearMonth, Bill> bills = new HashMap<>();
        jdbc.sql("""
                        select b.month, b.org_id, o.path as org_path, b.amount, b.paid, b.status, b.created_at
                        from dues_bill b join organization o on o.id = b.org_id
                        where b.member_id = :member and b.month in (:months) order by b.month for update of b""")
                .param("member", memberId).param("months", months.stream().map(m -> m.atDay(1)).toList())
                .query((rs, i) -> bill(rs)).list().forEach(b -> bills.put(b.month(), b));
        return bills;
    }

    private static Bill bill(ResultSet rs) throws SQLException {
        return new Bill(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("org_id"),
                rs.getString("org_path"), rs.getBigDecimal("amount"), rs.getBigDecimal("paid"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** Of these months, those the member has already paid ahead (net allocations, the bill not yet made). */
    public Set<YearMonth> allocatedMonths(long memberId, Collection<YearMonth> months) {
        if (months.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select month from dues_allocation where member_id = :member and month in (:months)
                        group by month having sum(amount) > 0""")
                .param("member", memberId).param("months", months.stream().map(m -> m.atDay(1)).toList())
                .query((rs, i) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list());
    }

    public long insert(NewEntry e) {
        return jdbc.sql("""
                        insert into dues_entry (kind, member_id, org_id, root_id, amount, method, receipt_no, payer,
                            payer_name, paid_on, reverses, reason, to_center, online_order, to_org_id, period_from,
                            period_to, consent, recorded_by, recorded_at)
                        values (:kind, :member, :org, :root, :amount, :method, :receipt, :payer, :payerName,
                            :paidOn, :reverses, :reason, :toCenter, :order, :toOrg, :from, :to, :consent, :by,
                            coalesce(:at, now()))
                        returning id""")
                .param("kind", e.kind.name()).param("member", e.memberId).param("org", e.orgId)
                .param("root", e.rootId).param("amount", e.amount)
                .param("method", e.method == null ? null : e.method.name()).param("receipt", e.receiptNo)
                .param("payer", e.payer == null ? null : e.payer.name()).param("payerName", e.payerName)
                .param("paidOn", e.paidOn).param("reverses", e.reverses).param("reason", e.reason)
                .param("toCenter", e.toCenter).param("order", e.onlineOrder).param("toOrg", e.toOrgId)
                .param("from", e.periodFrom == null ? null : e.periodFrom.atDay(1))
                .param("to", e.periodTo == null ? null : e.periodTo.atDay(1))
                .param("consent", e.consent).param("by", e.recordedBy)
                .param("at", e.recordedAt == null ? null
                        : java.time.OffsetDateTime.ofInstant(e.recordedAt, java.time.ZoneId.systemDefault()))
                .query(Long.class).single();
    }

    public void insertAllocations(long entryId, long memberId, List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into dues_allocation (entry_id, member_id, month, amount)
                        select ?, ?, m, a from unnest(?::date[], ?::numeric[]) as t(m, a)""")
                .params(entryId, memberId,
                        allocations.stream().map(a -> a.month().atDay(1).toString()).toArray(String[]::new),
                        allocations.stream().map(Allocation::amount).toArray(BigDecimal[]::new))
                .update();
    }

    /** Adds to what was paid of a bill and sets its status (the bill, not the ledger: bills do change). */
    public void moveBill(long memberId, YearMonth month, BigDecimal paidDelta, String status) {
        jdbc.sql("update dues_bill set paid = paid + ?, status = ? where member_id = ? and month = ?")
                .params(paidDelta, status, memberId, month.atDay(1)).update();
    }

    public Optional<Long> entryOfOrder(long orderId, LedgerEntryKind kind) {
        return jdbc.sql("select id from dues_entry where online_order = ? and kind = ?")
                .params(orderId, kind.name()).query(Long.class).optional();
    }

    public void insertCenterReceipt(long entryId, String receiptNo, LocalDate receivedOn, String notedBy) {
        jdbc.sql("insert into dues_center_receipt (entry_id, receipt_no, received_on, noted_by) values (?, ?, ?, ?)")
                .params(entryId, receiptNo, receivedOn, notedBy).update();
    }

    private static final String ENTRY_SELECT = """
            select e.*, r.id as reversed_by, c.receipt_no as center_receipt_no, o.path as org_path from dues_entry e
            join organization o on o.id = e.org_id
            left join dues_entry r on r.reverses = e.id
            left join dues_center_receipt c on c.entry_id = e.id
            """;

    /** One entry with where its organization is now (its path), for the caller's scope check. */
    public record Located(LedgerEntry entry, String orgPath, long rootId) {
    }

    public Optional<Located> entry(long id) {
        Optional<Located> found = jdbc.sql(ENTRY_SELECT + " where e.id = ?").param(id)
                .query((rs, i) -> new Located(entry(rs), rs.getString("org_path"), rs.getLong("root_id"))).optional();
        return found.map(l -> new Located(withAllocations(List.of(l.entry())).get(0), l.orgPath(), l.rootId()));
    }

    /** The member's entries, newest first. */
    public List<LedgerEntry> entriesOf(long memberId, int limit) {
        return withAllocations(jdbc.sql(ENTRY_SELECT + " where e.member_id = ? order by e.id desc limit ?")
                .params(memberId, limit).query((rs, i) -> entry(rs)).list());
    }

    private static final String REMITTANCES_OF = """
             where e.org_id = ? and (e.kind = 'REMITTANCE'
                or e.reverses in (select id from dues_entry where kind = 'REMITTANCE' and org_id = ?))
            """;

    /** The member's bills, newest first: bills stay after the member leaves the registry. */
    public List<BillLine> billsOf(long memberId, int limit) {
        return jdbc.sql("select month, amount, paid, status from dues_bill where member_id = ? order by month desc limit ?")
                .params(memberId, limit)
                .query((rs, i) -> new BillLine(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getString(4)))
                .list();
    }

    /** An organization's remittances (and their reversals), newest first. */
    public List<LedgerEntry> remittancesOf(long orgId, int limit, long offset) {
        return jdbc.sql(ENTRY_SELECT + REMITTANCES_OF + " order by e.id desc limit ? offset ?")
                .params(orgId, orgId, limit, offset).query((rs, i) -> entry(rs)).list();
    }

    public long countRemittancesOf(long orgId) {
        return jdbc.sql("select count(*) from dues_entry e" + REMITTANCES_OF).params(orgId, orgId)
                .query(Long.class).single();
    }

    private List<LedgerEntry> withAllocations(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<Allocation>> byEntry = jdbc.sql(
                        "select entry_id, month, amount from dues_allocation where entry_id in (:ids) order by month")
                .param("ids", entries.stream().map(LedgerEntry::id).toList())
                .query((rs, i) -> Map.entry(rs.getLong(1),
                        new Allocation(YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getBigDecimal(3))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return entries.stream().map(e -> e.withAllocations(byEntry.getOrDefault(e.id(), List.of()))).toList();
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), LedgerEntryKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("member_id", Long.class), rs.getLong("org_id"), rs.getBigDecimal("amount"),
                enumOf(PaymentMethod.class, rs.getString("method")), rs.getString("receipt_no"),
                enumOf(Payer.class, rs.getString("payer")), rs.getString("payer_name"),
                rs.getObject("paid_on", LocalDate.class), rs.getObject("reverses", Long.class),
                rs.getObject("reversed_by", Long.class), rs.getString("reason"), rs.getString("consent"),
                rs.getBoolean("to_center"), rs.getString("center_receipt_no"),
                rs.getObject("online_order", Long.class), rs.getObject("to_org_id", Long.class),
                month(rs, "period_from"), month(rs, "period_to"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), List.of());
    }

    private static YearMonth month(ResultSet rs, String column) throws SQLException {
        LocalDate d = rs.getObject(column, LocalDate.class);
        return d == null ? null : YearMonth.from(d);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
