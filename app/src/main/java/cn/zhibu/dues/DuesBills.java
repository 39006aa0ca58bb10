package cn.zhibu.dues;

import cn.zhibu.dues.internal.BillRows;
import cn.zhibu.dues.internal.BillStatements;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.TreePath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Monthly bills (DUES.md "Bills"): made set-based for an organization's subtree and a month — one per member who owes
 * it, on the base that counts ({@link ApplicableBase}) or an approved relief, the amount fixed when made; re-running
 * makes only the missing ones. A branch may void an OPEN bill nobody paid, with a reason; the month may then be
 * billed again. Every run and void is audited and kept in the roll-up in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class DuesBills {

    public static final int REASON_LIMIT = 500;
    static final String RUN_ENTITY = "dues_bill_run";
    static final String BILL_ENTITY = "dues_bill";
    private static final String NOT_FOUND = "账单不存在或不在您的管理范围内";

    private final BillStatements statements;
    private final BillRows rows;
    private final OrganizationService organizations;
    private final MembershipService membership;
    private final DuesMemberAccess access;
    private final DuesSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MonthlyRollup rollup;

    DuesBills(BillStatements statements, BillRows rows, OrganizationService organizations,
              MembershipService membership, DuesMemberAccess access, DuesSettings settings, AuditLog audit,
              ApplicationEventPublisher events, JdbcClient jdbc) {
        this.statements = statements;
        this.rows = rows;
        this.organizations = organizations;
        this.membership = membership;
        this.access = access;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.rollup = new MonthlyRollup(jdbc, "dues_rollup");
    }

    /**
     * Makes the month's missing bills for the organization's subtree, and tells the listeners (arrears) in the
     * transaction ({@link DuesBillsMade}).
     */
    @Transactional
    public BillRun make(DataScope scope, long orgId, YearMonth month) {
        checkMonth(month);
        // share-locked: a move of the subtree waits, so the paths billed stay right
        Organization org = organizations.lockManaged(scope, orgId);
        long started = System.nanoTime();
        BillStatements.Made made = statements.make(org.path(), month, settings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long id = rows.insertRun(org.id(), org.path().value(), month, made.bills(), made.amount(), millis,
                scope.actorName());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("orgId", org.id());
        after.put("orgName", org.name());
        after.put("month", month.toString());
        after.put("bills", made.bills());
        after.put("amount", made.amount());
        after.put("paid", made.paid());
        after.put("waived", made.waived());
        audit.record(scope, DuesBaseAuditAction.BILLS_MADE, RUN_ENTITY, id, org.path().value(), null, after);
        events.publishEvent(new DuesBillsMade(org.id(), org.path().value(), month, made.bills()));
        return new BillRun(id, org.id(), org.path().value(), month, made.bills(), made.amount(), made.paid(),
                made.waived(), millis, scope.actorName(), java.time.Instant.now());
    }

    /** Voids an OPEN bill nobody has paid anything of (a mistaken bill), with a reason; the month may be billed again. */
    @Transactional
    public DuesBill voidBill(DataScope scope, long memberId, YearMonth month, String reason) {
        if (month == null) {
            throw InvalidInputException.of("month", "请填写账单月份");
        }
        BillRows.Row bill = rows.find(memberId, month).filter(b -> scope.managesMembersAt(b.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        FieldErrors errors = new FieldErrors();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.reject("reason", "请填写作废原因");
        } else if (why.length() > REASON_LIMIT) {
            errors.reject("reason", "作废原因不能超过" + REASON_LIMIT + "字");
        }
        errors.throwIfAny();
        BillRows.Row voided = rows.voidOpen(memberId, month, why).orElseThrow(() -> InvalidInputException.of("",
                "只能作废尚未交纳（且未部分交纳）的账单，该账单" + bill.status().label()));
        List<Long> ancestors = new TreePath(voided.orgPath()).ids();
        rollup.apply(new MonthlyRollup.Delta()
                .add(ancestors, "DUE", month, -voided.amount().movePointRight(2).longValueExact())
                .add(ancestors, "BILLS", month, -1));
        audit.record(scope, DuesBaseAuditAction.BILL_VOIDED, BILL_ENTITY, memberId + ":" + month,
                voided.orgPath(), billSnapshot(bill), billSnapshot(voided));
        return named(List.of(voided), scope).get(0);
    }

    /** The month's bills of a subtree the caller manages, by branch and member. */
    public DuesBillPage list(DataScope scope, long orgId, YearMonth month, BillStatus status, int page, int size) {
        Organization org = organizations.getManaged(scope, orgId);
        Paging paging = Paging.of(page, size);
        YearMonth m = month == null ? YearMonth.now() : month;
        long total = rows.countSubtree(org.path(), m, status);
        boolean exact = total <= BillRows.COUNT_CAP;
        List<BillRows.Row> listed = rows.ofSubtree(org.path(), m, status, exact, paging.size(), paging.offset());
        // every bill listed lies in the subtree just checked: naming their organizations shows nothing outside it
        Map<Long, String> orgNames = listed.stream()
                .collect(Collectors.toMap(BillRows.Row::orgId, BillRows.Row::orgName, (a, b) -> a));
        return new DuesBillPage(org.id(), org.name(), m, named(listed, scope), orgNames, total, exact, paging.page(),
                paging.size(), rows.covered(org.path(), m));
    }

    /**
     * A member's bills, the newest first: for the member, those who manage them, and — for a member who left the
     * registry — the managers of where they last belonged ({@link DuesMemberAccess}, as the ledger reads); else 404.
     */
    public List<DuesBill> ofMember(DataScope scope, long memberId) {
        DuesMemberAccess.Reader reader = access.requireReadable(scope, memberId);
        List<BillRows.Row> bills = rows.ofMember(memberId, 120);
        if (!reader.archived()) {
            return named(bills, scope);
        }
        // straight to the archive: a registry lookup's 404 would mark this read-only transaction rollback-only
        String name = membership.getArchived(scope, memberId).member().name();
        return bills.stream().map(b -> bill(b, name)).toList();
    }

    /** The latest runs within a subtree the caller manages. */
    public List<BillRun> runs(DataScope scope, long orgId, int limit) {
        return rows.runs(organizations.getManaged(scope, orgId).path(), Math.min(Math.max(limit, 1), 100));
    }

    /** Whether a run of the month covers the organization (its own or an ancestor's). */
    public boolean covered(TreePath path, YearMonth month) {
        return rows.covered(path, month);
    }

    /** How many members of the subtree owe the month and have neither a base nor a relief (at most limit). */
    public long unbasedCount(TreePath subtree, YearMonth month, int limit) {
        return statements.countUnbased(subtree, month, settings, limit);
    }

    /** Those members' ids (for the bases page), in id order, at most limit, in a subtree the caller manages. */
    public List<Long> unbased(DataScope scope, long orgId, YearMonth month, int limit) {
        return statements.unbased(organizations.getManaged(scope, orgId).path(), month, settings, limit);
    }

    private void checkMonth(YearMonth month) {
        if (month == null) {
            throw InvalidInputException.of("month", "请填写账单月份（如2026-03）");
        }
        if (month.isBefore(settings.firstMonth())) {
            throw InvalidInputException.of("month", "平台自" + settings.firstMonth() + "起计收党费，不能为更早的月份生成账单");
        }
        if (month.isAfter(YearMonth.from(LocalDate.now()))) {
            throw InvalidInputException.of("month", "不能为以后的月份生成账单（预交的党费在该月账单生成时自动计为已交）");
        }
    }

    private List<DuesBill> named(List<BillRows.Row> bills, DataScope scope) {
        Map<Long, String> names = bills.isEmpty() ? Map.of()
                : membership.roll(scope, bills.stream().map(BillRows.Row::memberId).distinct().toList(), LocalDate.now())
                .stream().collect(Collectors.toMap(RollMember::id, RollMember::name, (a, b) -> a));
        return bills.stream().map(b -> bill(b, names.getOrDefault(b.memberId(), "（已不在党员名册）"))).toList();
    }

    private static DuesBill bill(BillRows.Row b, String memberName) {
        return new DuesBill(b.memberId(), memberName, b.month(), b.orgId(), b.orgPath(), b.amount(), b.paid(),
                b.status(), b.baseId(), b.reliefId(), b.voidReason());
    }

    private static Map<String, Object> billSnapshot(BillRows.Row b) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", b.memberId());
        s.put("month", b.month().toString());
        s.put("amount", b.amount());
        s.put("status", b.status().name());
        s.put("voidReason", b.voidReason());
        return s;
    }

    /**
     * One page of a month's bills of a subtree; {@code total} counted to {@link BillRows#COUNT_CAP} + 1 at most
     * ({@code totalExact} false beyond); {@code covered}: a run of the month covers the organization;
     * {@code orgNames}: the name of each listed bill's organization (所在组织) by its id.
     */
    public record DuesBillPage(long orgId, String orgName, YearMonth month, List<DuesBill> bills,
                               Map<Long, String> orgNames, long total, boolean totalExact, int page, int size,
                               boolean covered) {

        public int totalPages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

}
