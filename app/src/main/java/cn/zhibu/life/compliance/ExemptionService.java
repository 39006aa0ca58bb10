package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.compliance.internal.ComplianceBookkeeping;
import cn.zhibu.life.compliance.internal.ExemptionRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exemptions: a higher committee — a manager whose scope holds the organization from above, not only the
 * organization's own secretary or administrator — exempts it from a kind (or every kind) for a period, with a reason.
 * Granting and revoking are audited and recount the organization at once.
 */
@Service
@Transactional(readOnly = true)
public class ExemptionService {

    static final String ENTITY = "life_exemption";
    /** Exemptions listed on one page (a committee's year; more: look at a smaller subtree). */
    public static final int LIST_LIMIT = 500;

    private final OrganizationService organizations;
    private final ExemptionRecords records;
    private final ComplianceBookkeeping bookkeeping;
    private final AuditLog audit;

    ExemptionService(OrganizationService organizations, ExemptionRecords records, ComplianceBookkeeping bookkeeping,
                     AuditLog audit) {
        this.organizations = organizations;
        this.records = records;
        this.bookkeeping = bookkeeping;
        this.audit = audit;
    }

    /** The caller manages the organization from above: the 系统管理员, or a role at an ancestor. */
    public static boolean mayExempt(DataScope scope, String orgPath) {
        return scope.all() || scope.memberPaths().stream()
                .anyMatch(p -> p.contains(orgPath) && !p.value().equals(orgPath));
    }

    @Transactional
    public ComplianceExemption grant(DataScope scope, ExemptionForm form) {
        FieldErrors errors = new FieldErrors();
        if (form.orgId() == null) {
            errors.reject("orgId", "请选择要豁免的组织");
        }
        CompliancePeriod period = null;
        if (form.period() == null || form.period().isBlank()) {
            errors.reject("period", "请选择豁免的期间");
        } else {
            try {
                period = CompliancePeriod.parse(form.period(), "period");
            } catch (cn.zhibu.platform.InvalidInputException e) {
                e.fieldErrors().forEach(errors::reject);
            }
        }
        MeetingKind kind = Kinds.parse(form.kind(), "kind", errors);
        if (form.reason() == null || form.reason().isBlank()) {
            errors.reject("reason", "请填写豁免原因（如上级批复文号、集中培训等）");
        }
        if (period != null && period.firstDay().isAfter(LocalDate.now().plusYears(1))) {
            errors.reject("period", "豁免期间最多提前一年");
        }
        Organization org = form.orgId() == null ? null : higher(scope, form.orgId());
        errors.throwIfAny();
        if (records.exists(org.id(), kind, period)) {
            errors.reject("period", "该组织" + period.label() + "已有" + (kind == null ? "全部类型" : kind.label()) + "的豁免");
            errors.throwIfAny();
        }
        long id = records.insert(org.id(), org.path(), kind, period, form.reason().strip(), scope.actorName());
        bookkeeping.exemptionChanged(org.id(), period.year());
        ComplianceExemption created = records.find(id).orElseThrow().exemption();
        audit.record(scope, ComplianceAuditAction.EXEMPTED, ENTITY, id, org.path().value(), null, snapshot(created));
        return created;
    }

    @Transactional
    public void revoke(DataScope scope, long id) {
        ExemptionRecords.Row row = records.find(id).filter(r -> scope.managesMembersAt(r.path().value()))
                .orElseThrow(() -> new NotFoundException("豁免记录不存在或不在您的管理范围内"));
        Organization org = higher(scope, row.exemption().orgId());
        records.delete(id);
        bookkeeping.exemptionChanged(org.id(), row.rule().period().year());
        audit.record(scope, ComplianceAuditAction.EXEMPTION_REVOKED, ENTITY, id, org.path().value(),
                snapshot(row.exemption()), null);
    }

    /** The exemptions of the organization's subtree in the year, newest period first. */
    public List<ComplianceExemption> list(DataScope scope, long orgId, Integer year) {
        FieldErrors errors = new FieldErrors();
        int y = Years.check(year, LocalDate.now(), errors);
        errors.throwIfAny();
        Organization org = organizations.getManaged(scope, orgId);
        return records.inSubtree(org.path(), y, LIST_LIMIT);
    }

    /**
     * The organization, locked against a concurrent move, if the caller may exempt it: out of scope is 404, the
     * organization's own managers are refused (403).
     */
    private Organization higher(DataScope scope, long orgId) {
        organizations.getManaged(scope, orgId);
        organizations.lockInPathOrder(List.of(orgId));
        Organization org = organizations.getManaged(scope, orgId);
        if (!mayExempt(scope, org.path().value())) {
            throw new ForbiddenException("豁免须由上级党组织决定，本组织不能豁免自己的组织生活要求");
        }
        return org;
    }

    private static Map<String, Object> snapshot(ComplianceExemption e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", e.orgId());
        m.put("kind", e.kind());
        m.put("period", e.period());
        m.put("reason", e.reason());
        return m;
    }
}
