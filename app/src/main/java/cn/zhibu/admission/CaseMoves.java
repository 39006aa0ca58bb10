package cn.zhibu.admission;

import cn.zhibu.admission.internal.AdmissionRecords;
import cn.zhibu.admission.internal.AdmissionRollup;
import cn.zhibu.admission.internal.CaseRow;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** D4: a case follows the person to the branch of their new unit, with its steps and the time already spent. */
@Service
public class CaseMoves {

    private final AdmissionService admission;
    private final AdmissionRecords records;
    private final AdmissionRollup rollup;
    private final OrganizationService organizations;
    private final AuditLog audit;

    CaseMoves(AdmissionService admission, AdmissionRecords records, AdmissionRollup rollup,
              OrganizationService organizations, AuditLog audit) {
        this.admission = admission;
        this.records = records;
        this.rollup = rollup;
        this.organizations = organizations;
        this.audit = audit;
    }

    /**
     * D4: the person changes unit — the case, with every step done, goes to the branch of the new unit, and the time
     * already spent counts there. Both branches must be within the caller's scope (a move between committees is made
     * by the committee above both).
     */
    @Transactional
    public AdmissionCase move(DataScope scope, long id, Long toOrgId, String reason) {
        CaseRow row = admission.lockCase(scope, id, toOrgId);
        FieldErrors errors = new FieldErrors();
        if (row.stage() == AdmissionStage.CLOSED || row.stage() == AdmissionStage.FULL) {
            errors.reject("", "该发展工作已办结，不能转出");
        } else if (row.stage() == AdmissionStage.PROBATIONARY) {
            errors.reject("", "已是预备党员：请在党员名册中办理组织关系转接");
        }
        Organization to = null;
        if (toOrgId == null) {
            errors.reject("toOrgId", "请选择转入的党支部");
        } else if (toOrgId == row.orgId()) {
            errors.reject("toOrgId", "转入的党支部与原支部相同");
        } else {
            to = organizations.getManaged(scope, toOrgId);
            if (!to.active() || !to.type().holdsMembers()) {
                errors.reject("toOrgId", "“" + to.name() + "”不是可以接收的党支部");
            }
        }
        if (reason == null || reason.isBlank()) {
            errors.reject("reason", "请填写转出原因（如：工作调动至XX单位）");
        } else if (reason.length() > 200) {
            errors.reject("reason", "原因不能超过200字");
        }
        errors.throwIfAny();
        AdmissionCase before = admission.get(scope, id);
        records.moveTo(id, to.id(), to.rootId(),
                LocalDate.now() + " 由" + row.orgName() + "转入" + to.name() + "（" + reason.strip() + "）");
        rollup.move(row.orgPath(), AdmissionService.counted(row), to.path().value(), AdmissionService.counted(row));
        AdmissionCase moved = admission.get(scope, id);
        audit.record(scope, AdmissionAuditAction.MOVED, AdmissionService.ENTITY, id, to.path().value(), AdmissionService.snapshot(before, null),
                AdmissionService.snapshot(moved, null));
        return moved;
    }

    /** The moves of a case between branches (D4), oldest first, as one line each. */
    public List<String> moves(DataScope scope, long id) {
        admission.get(scope, id);
        String moves = records.moves(id);
        return moves == null ? List.of() : List.of(moves.split("；"));
    }
}
