package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.ComplianceBehindPage.ComplianceBehindOrganization;
import cn.zhibu.life.compliance.internal.BehindRecords;
import cn.zhibu.life.compliance.internal.BehindRecords.Behind;
import cn.zhibu.life.compliance.internal.ComplianceRecords;
import cn.zhibu.life.compliance.internal.ComplianceRecords.StoredProfile;
import cn.zhibu.life.compliance.internal.ExemptionRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizations behind in a month, in the tree's order (the 2023 rules against formalism: a list to follow up,
 * never a ranking), paged, and exported to Excel within a bound. The total comes from the roll-up.
 */
@Service
@Transactional(readOnly = true)
public class BehindList {

    private final OrganizationService organizations;
    private final ComplianceViews views;
    private final BehindRecords behind;
    private final ComplianceRecords records;
    private final ExemptionRecords exemptions;
    private final ComplianceSettings settings;
    private final AuditLog audit;

    BehindList(OrganizationService organizations, ComplianceViews views, BehindRecords behind, ComplianceRecords records,
               ExemptionRecords exemptions, ComplianceSettings settings, AuditLog audit) {
        this.organizations = organizations;
        this.views = views;
        this.behind = behind;
        this.records = records;
        this.exemptions = exemptions;
        this.settings = settings;
        this.audit = audit;
    }

    /** What a list asks for, checked. */
    private record Query(Organization org, YearMonth month, Selection selection, List<Requirement> due) {
    }

    public ComplianceBehindPage page(DataScope scope, long orgId, String month, String kind, int page, int size) {
        Paging paging = Paging.of(page, size);
        Query q = query(scope, orgId, month, kind);
        long total = total(q);
        List<ComplianceBehindOrganization> items = total == 0 ? List.of()
                : describe(q, behind.page(q.org().path(), q.month(), q.due(), okMetric(q), paging.size(), paging.offset()));
        return new ComplianceBehindPage(q.org().id(), q.org().name(), q.month().toString(),
                CompliancePeriod.month(q.month()).label(), q.selection().kind() == null ? null : q.selection().kind().name(),
                q.selection().kindLabel(), !LocalDate.now().isAfter(q.month().atEndOfMonth()), total, paging.page(),
                paging.size(), (int) Math.min(Paging.MAX_PAGE + 1L, (total + paging.size() - 1) / paging.size()), items,
                note(q));
    }

    /** The whole list as a workbook, if it has at most {@code zhibu.life.compliance.export-max-rows} rows; audited. */
    @Transactional
    public byte[] export(DataScope scope, long orgId, String month, String kind) {
        Query q = query(scope, orgId, month, kind);
        long total = total(q);
        if (total > settings.exportMaxRows()) {
            throw InvalidInputException.of("", "共 " + total + " 个组织，超过单次导出上限 " + settings.exportMaxRows()
                    + " 个：请选择下级组织或某一类型后分批导出");
        }
        List<ComplianceBehindOrganization> rows = total == 0 ? List.of()
                : describe(q, behind.page(q.org().path(), q.month(), q.due(), okMetric(q), settings.exportMaxRows(), 0));
        byte[] file = BehindExport.xlsx(q.org().name(), CompliancePeriod.month(q.month()).label(),
                q.selection().kindLabel(), rows);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("orgId", q.org().id());
        what.put("month", q.month().toString());
        what.put("kind", q.selection().kind() == null ? null : q.selection().kind().name());
        what.put("rows", rows.size());
        audit.record(scope, ComplianceAuditAction.BEHIND_EXPORTED, ComplianceAuditVocabulary.EXPORT, null,
                q.org().path().value(), null, what);
        return file;
    }

    private Query query(DataScope scope, long orgId, String month, String kindCode) {
        FieldErrors errors = new FieldErrors();
        YearMonth m = null;
        try {
            CompliancePeriod period = CompliancePeriod.parse(month == null || month.isBlank()
                    ? YearMonth.now().toString() : month, "month");
            if (period.type() != PeriodType.MONTH) {
                errors.reject("month", "请选择月份，如 2026-03（季度要求在季度最后一个月到期，年度要求在12月到期）");
            } else {
                m = period.first();
            }
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::reject);
        }
        MeetingKind kind = Kinds.parse(kindCode, "kind", errors);
        errors.throwIfAny();
        Organization org = organizations.getManaged(scope, orgId);
        Selection selection = Selection.of(kind, settings.lectureQuarterly());
        return new Query(org, m, selection, selection.endingIn(m));
    }

    private long total(Query q) {
        ComplianceViews.MonthCount count = views.count(q.org().id(), q.month(), q.selection());
        return Math.max(0, count.due() - count.met());
    }

    private String okMetric(Query q) {
        return q.selection().kind() == null ? CompliancePolicy.okMetric(q.month(), settings.lectureQuarterly()) : null;
    }

    /** What each organization of the page has not held, by the policy, from its facts of the year. */
    private List<ComplianceBehindOrganization> describe(Query q, List<Behind> page) {
        List<Long> ids = page.stream().map(Behind::orgId).toList();
        List<Integer> year = List.of(q.month().getYear());
        Map<Long, StoredProfile> profiles = records.profiles(ids);
        Map<Long, List<HeldMonth>> held = records.held(ids, year);
        Map<Long, List<ExemptionRecords.Row>> exempted = exemptions.rows(ids, year);
        LocalDate today = LocalDate.now();
        List<ComplianceBehindOrganization> items = new ArrayList<>();
        for (Behind b : page) {
            OrgProfile profile = profiles.get(b.orgId()).profile();
            List<Exempted> rules = exempted.getOrDefault(b.orgId(), List.of()).stream()
                    .map(ExemptionRecords.Row::rule).toList();
            List<String> missing = new ArrayList<>();
            for (Requirement r : q.due()) {
                CompliancePeriod p = CompliancePeriod.containing(r.period(), q.month());
                if (profile.owes(r, p)
                        && !CompliancePolicy.satisfied(held.getOrDefault(b.orgId(), List.of()), rules, r, p)) {
                    missing.add(r.label() + "（" + p.relativeLabel(today) + "）");
                }
            }
            items.add(new ComplianceBehindOrganization(b.orgId(), b.name(), b.type().label(), b.parentName(), missing));
        }
        return items;
    }

    private static String note(Query q) {
        if (q.selection().kind() != null && q.due().isEmpty()) {
            return q.selection().kindLabel() + "不在" + q.month().getMonthValue()
                    + "月到期：季度要求在3、6、9、12月到期，年度要求在12月到期";
        }
        return null;
    }
}
