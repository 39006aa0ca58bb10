package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;

/** How compliance's audit entries read: exemptions granted and revoked, and exports of the behind list. */
@Component
class ComplianceAuditVocabulary implements AuditVocabulary {

    static final String EXPORT = "life_compliance_export";

    private final OrganizationService organizations;

    ComplianceAuditVocabulary(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(ComplianceAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of(ExemptionService.ENTITY, "组织生活豁免")
                        .field("orgId", "组织", this::orgName)
                        .field("kind", "类型", MeetingKind.class, MeetingKind::label)
                        .field("period", "期间")
                        .field("reason", "豁免原因"),
                AuditSubject.of(EXPORT, "组织生活未达要求名单导出")
                        .field("orgId", "组织", this::orgName)
                        .field("month", "月份")
                        .field("kind", "类型", MeetingKind.class, MeetingKind::label)
                        .field("rows", "导出行数"));
    }

    private String orgName(Object raw) {
        if (!(raw instanceof Number n)) {
            return null;
        }
        try {
            return organizations.describe(n.longValue()).name();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
