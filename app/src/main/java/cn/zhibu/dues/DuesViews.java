package cn.zhibu.dues;

import cn.zhibu.dues.internal.DuesReadRecords;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reads behind the dues pages and API: a member's own dues, a branch's month, a committee's year rolled up per
 * child organization. Totals come from the roll-up ({@code dues_rollup}, kept by the bill run and the ledger), lists
 * from index ranges bounded by a limit, all within the caller's scope (404 outside it).
 */
@Service
public class DuesViews {

    /** Most bills a month's page lists; a larger subtree is read through its children or the export. */
    public static final int BILL_LIMIT = 1000;
    private static final int PAYMENT_LIMIT = 200;
    private static final List<String> METRICS = List.of("DUE", "PAID", "BILLS", "BILLS_PAID", "REMITTED");

    private final DuesReadRecords records;
    private final DuesArrears arrears;
    private final MemberService members;
    private final MembershipService membership;
    private final OrganizationService organizations;
    private final MonthlyRollup rollup;

    private final DuesMemberAccess access;

    DuesViews(DuesReadRecords records, DuesArrears arrears, MemberService members, MembershipService membership,
              OrganizationService organizations, JdbcClient jdbc, DuesMemberAccess access) {
        this.access = access;
        this.records = records;
        this.arrears = arrears;
        this.members = members;
        this.membership = membership;
        this.organizations = organizations;
        this.rollup = new MonthlyRollup(jdbc, "dues_rollup");
    }

    /** The caller's own dues; 404 for a user with no member record. */
    public MemberDues mine(DataScope scope) {
        if (scope.selfMemberId() == null) {
            throw new NotFoundException("您的账号未关联党员信息");
        }
        return member(scope, scope.selfMemberId());
    }

    /**
     * A member's dues: their own, a member the caller manages, or an archived member where the caller manages where
     * they last belonged (read-only: nothing to record for them); else 404.
     */
    public MemberDues member(DataScope scope, long memberId) {
        DuesMemberAccess.ReadableMember readable = access.readableMember(scope, memberId);
        Member m = readable.member();
        List<DuesBillLine> bills = records.memberBills(memberId, 120);
        List<DuesBillLine> open = bills.stream().filter(b -> "OPEN".equals(b.status())).toList();
        BigDecimal owed = open.stream().map(DuesBillLine::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MemberDues(memberId, m.name(), m.orgId(), m.orgName(), owed, open.size(), arrears.run(memberId),
                bills, records.memberEntries(memberId, 200), !readable.archived() && scope.managesMembersAt(m.orgPath()),
                Long.valueOf(memberId).equals(scope.selfMemberId()));
    }

    /** An organization's month (its whole subtree) for a caller who manages it. */
    public BranchDues branch(DataScope scope, long orgId, YearMonth month) {
        Organization org = organizations.getManaged(scope, orgId);
        Map<String, Long> figures = new HashMap<>();
        rollup.read(List.of(orgId), METRICS, month, month).forEach(r -> figures.put(r.metric(), r.n()));
        List<DuesBillLine> bills = records.subtreeBills(scope, org.path(), month, BILL_LIMIT + 1);
        boolean truncated = bills.size() > BILL_LIMIT;
        bills = truncated ? bills.subList(0, BILL_LIMIT) : bills;
        List<DuesEntryLine> payments = records.subtreePayments(scope, org.path(), month, PAYMENT_LIMIT);
        Map<Long, String> names = names(scope, Stream.concat(bills.stream().map(DuesBillLine::memberId),
                payments.stream().map(DuesEntryLine::memberId)).collect(Collectors.toSet()));
        Map<Long, Integer> runs = records.arrearsMonths(bills.stream().map(DuesBillLine::memberId).toList());
        List<DuesBillLine> named = bills.stream().map(b -> new DuesBillLine(b.memberId(), names.get(b.memberId()),
                b.month(), b.amount(), b.paid(), b.status(), b.justified(), b.voidReason(),
                runs.getOrDefault(b.memberId(), 0))).toList();
        List<DuesEntryLine> namedPayments = payments.stream().map(e -> new DuesEntryLine(e.id(), e.memberId(),
                names.get(e.memberId()), e.kind(), e.amount(), e.method(), e.receiptNo(), e.payer(), e.payerName(),
                e.paidOn(), e.reverses(), e.reason(), e.toCenter(), e.months())).toList();
        BigDecimal due = yuan(figures.getOrDefault("DUE", 0L));
        BigDecimal paid = yuan(figures.getOrDefault("PAID", 0L));
        return new BranchDues(orgId, org.name(), org.hasChildren(), month, due, paid, figures.getOrDefault("BILLS", 0L),
                figures.getOrDefault("BILLS_PAID", 0L), rate(paid, due), arrears.counts(List.of(orgId)).get(orgId),
                named, truncated, namedPayments);
    }

    /** A committee's year: itself and each child organization per month, from the roll-up; its latest remittances. */
    public RollupDues rollup(DataScope scope, long orgId, int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "年份应在2000至2100之间");
        }
        Organization org = organizations.getManaged(scope, orgId);
        List<Organization> children = organizations.children(scope, orgId, false);
        List<Long> ids = new ArrayList<>(List.of(orgId));
        children.forEach(c -> ids.add(c.id()));
        YearMonth from = YearMonth.of(year, 1);
        YearMonth to = YearMonth.of(year, 12);
        Map<Long, Map<String, Map<YearMonth, Long>>> figures = new HashMap<>();
        for (MonthlyRollup.Row r : rollup.read(ids, METRICS, from, to)) {
            figures.computeIfAbsent(r.orgId(), k -> new HashMap<>()).computeIfAbsent(r.metric(), k -> new HashMap<>())
                    .put(r.month(), r.n());
        }
        Map<Long, ArrearsCounts> counts = arrears.counts(ids);
        List<YearMonth> months = Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1)).toList();
        Function<Organization, RollupDues.RollupRow> row = o -> row(o, months,
                figures.getOrDefault(o.id(), Map.of()), counts.get(o.id()).removal());
        return new RollupDues(orgId, org.name(), year, months, row.apply(org), children.stream().map(row).toList(),
                records.remittances(scope, org.path(), year, 50));
    }

    private static RollupDues.RollupRow row(Organization o, List<YearMonth> months,
                                            Map<String, Map<YearMonth, Long>> figures, long arrearsAtRemoval) {
        List<RollupDues.MonthFigure> perMonth = new ArrayList<>();
        long due = 0;
        long paid = 0;
        long remitted = 0;
        for (YearMonth m : months) {
            long d = figures.getOrDefault("DUE", Map.of()).getOrDefault(m, 0L);
            long p = figures.getOrDefault("PAID", Map.of()).getOrDefault(m, 0L);
            due += d;
            paid += p;
            remitted += figures.getOrDefault("REMITTED", Map.of()).getOrDefault(m, 0L);
            perMonth.add(new RollupDues.MonthFigure(m, yuan(d), yuan(p), rate(yuan(p), yuan(d))));
        }
        return new RollupDues.RollupRow(o.id(), o.name(), o.typeLabel(), o.hasChildren(), perMonth, yuan(due),
                yuan(paid), rate(yuan(paid), yuan(due)), yuan(remitted), arrearsAtRemoval);
    }

    /** Names of members the caller may see (those who left the registry are named as such). */
    Map<Long, String> names(DataScope scope, Collection<Long> memberIds) {
        Map<Long, String> names = new HashMap<>();
        membership.roll(scope, memberIds, LocalDate.now()).forEach((RollMember r) -> names.put(r.id(), r.name()));
        memberIds.forEach(id -> names.putIfAbsent(id, "（已离开名册）"));
        return names;
    }

    /** A month as typed ("2026-11"); the current month when blank. */
    public static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now();
        }
        FieldErrors errors = new FieldErrors();
        YearMonth m = DuesMonths.parse(errors, "month", text);
        errors.throwIfAny();
        return m;
    }

    static BigDecimal yuan(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Collected over due in percent, one decimal; null when nothing was due. */
    static BigDecimal rate(BigDecimal paid, BigDecimal due) {
        return due.signum() == 0 ? null : paid.multiply(BigDecimal.valueOf(100)).divide(due, 1, RoundingMode.HALF_UP);
    }
}
