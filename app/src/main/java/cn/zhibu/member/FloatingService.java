package cn.zhibu.member;

import cn.zhibu.member.internal.FloatingRecords;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 流动党员: the home branch registers a member who is away and keeps contact (R2); one away six months or more at
 * a fixed place should transfer (R1); a 流动党员活动证 is issued when the local rule says (R3), and its holder cannot
 * vote where they live (E2). The organization where they live registers the inflow.
 */
@Service
public class FloatingService {

    /** R1: away six months or more at a relatively fixed place → the relationship should be transferred. */
    public static final int TRANSFER_MONTHS = 6;
    private static final String ENTITY = "floating_member";
    private static final String NOT_FOUND = "流动党员记录不存在或不在您的管理范围内";
    private static final int LIMIT = 500;

    private final FloatingRecords records;
    private final MemberService members;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final int contactMonths;
    private final int certificateMonths;

    FloatingService(FloatingRecords records, MemberService members, OrganizationService organizations, AuditLog audit,
                    @Value("${zhibu.floating.contact-months:3}") int contactMonths,
                    @Value("${zhibu.floating.certificate-months:0}") int certificateMonths) {
        this.records = records;
        this.members = members;
        this.organizations = organizations;
        this.audit = audit;
        this.contactMonths = contactMonths;
        this.certificateMonths = certificateMonths;
    }

    @Transactional
    public Outflow registerOutflow(DataScope scope, long memberId, OutflowForm form) {
        MemberRow member = members.lockForChange(scope, memberId, null);
        FieldErrors errors = new FieldErrors();
        required(errors, "destination", form.destination(), "请填写外出去向（地区、单位）");
        required(errors, "reason", form.reason(), "请填写外出原因（务工经商、学习、随迁等）");
        if (form.leftOn() == null) {
            errors.reject("leftOn", "请填写外出日期");
        } else if (form.leftOn().isAfter(LocalDate.now())) {
            errors.reject("leftOn", "外出日期不能晚于今天");
        } else if (form.leftOn().isBefore(member.joinedOn())) {
            errors.reject("leftOn", "外出日期不能早于入党日期（" + member.joinedOn() + "）");
        }
        if (form.expectedMonths() != null && (form.expectedMonths() < 1 || form.expectedMonths() > 120)) {
            errors.reject("expectedMonths", "预计外出时长应为1至120个月");
        }
        if (records.openOutflowOf(memberId).isPresent()) {
            errors.reject("", "该党员已登记外出，尚未登记返回");
        }
        errors.throwIfAny();
        long id = records.addOutflow(memberId, form, scope.actorName());
        Outflow saved = records.outflow(id).orElseThrow();
        audit.record(scope, MemberAuditAction.OUTFLOW_REGISTERED, ENTITY, id, member.orgPath(), null, snapshot(saved));
        return saved;
    }

    /** R2: the home branch reached the member on this day. */
    @Transactional
    public Outflow recordContact(DataScope scope, long outflowId, LocalDate on) {
        Outflow f = managedOutflow(scope, outflowId);
        requireDate(on, f.leftOn(), "contactOn", "联系日期");
        records.contacted(outflowId, on);
        return recorded(scope, f, MemberAuditAction.OUTFLOW_CONTACTED);
    }

    /** R3: the 流动党员活动证 issued to the member, by its number. */
    @Transactional
    public Outflow issueCertificate(DataScope scope, long outflowId, String number) {
        Outflow f = managedOutflow(scope, outflowId);
        if (number == null || number.isBlank() || number.length() > 50) {
            throw InvalidInputException.of("certificateNo", "请填写活动证编号（不超过50字）");
        }
        records.certificate(outflowId, number.strip());
        return recorded(scope, f, MemberAuditAction.OUTFLOW_CERTIFICATE);
    }

    @Transactional
    public Outflow registerReturn(DataScope scope, long outflowId, LocalDate on) {
        Outflow f = managedOutflow(scope, outflowId);
        if (!f.away()) {
            throw InvalidInputException.of("", "该党员已登记返回");
        }
        requireDate(on, f.leftOn(), "returnedOn", "返回日期");
        records.returned(outflowId, on);
        return recorded(scope, f, MemberAuditAction.OUTFLOW_RETURNED);
    }

    public List<Outflow> outflows(DataScope scope, long orgId, boolean awayOnly) {
        return records.outflows(managedOrg(scope, orgId).path(), awayOnly, LIMIT);
    }

    public java.util.Optional<Outflow> openOutflowOf(DataScope scope, long memberId) {
        members.get(scope, memberId);
        return records.openOutflowOf(memberId);
    }

    @Transactional
    public Inflow registerInflow(DataScope scope, long orgId, InflowForm form) {
        Organization org = managedOrg(scope, orgId);
        FieldErrors errors = new FieldErrors();
        required(errors, "name", form.name(), "请填写姓名");
        required(errors, "homeOrg", form.homeOrg(), "请填写其组织关系所在的党组织");
        if (form.arrivedOn() == null) {
            errors.reject("arrivedOn", "请填写流入日期");
        } else if (form.arrivedOn().isAfter(LocalDate.now())) {
            errors.reject("arrivedOn", "流入日期不能晚于今天");
        }
        if (!org.type().holdsMembers()) {
            errors.reject("orgId", "流入党员应编入党支部或党小组参加组织生活");
        }
        errors.throwIfAny();
        long id = records.addInflow(org.id(), org.path().value(), form, scope.actorName());
        Inflow saved = records.inflow(id).orElseThrow();
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("name", saved.name());
        what.put("homeOrg", saved.homeOrg());
        what.put("arrivedOn", saved.arrivedOn().toString());
        audit.record(scope, MemberAuditAction.INFLOW_REGISTERED, ENTITY, id, org.path().value(), null, what);
        return saved;
    }

    @Transactional
    public Inflow registerInflowLeft(DataScope scope, long inflowId, LocalDate on) {
        String path = records.inflowPath(inflowId).filter(scope::managesMembersAt)
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        Inflow f = records.inflow(inflowId).orElseThrow();
        requireDate(on, f.arrivedOn(), "leftOn", "离开日期");
        records.inflowLeft(inflowId, on);
        audit.record(scope, MemberAuditAction.INFLOW_LEFT, ENTITY, inflowId, path, null, Map.of("leftOn", on.toString()));
        return records.inflow(inflowId).orElseThrow();
    }

    public List<Inflow> inflows(DataScope scope, long orgId, boolean presentOnly) {
        return records.inflows(managedOrg(scope, orgId).path(), presentOnly, LIMIT);
    }

    /** What is due for the members of a subtree who are away. */
    public List<MemberReminder> reminders(DataScope scope, long orgId) {
        LocalDate today = LocalDate.now();
        List<MemberReminder> due = new ArrayList<>();
        Map<Long, String> paths = new HashMap<>(); // few outflows are due: their organizations' paths one by one
        for (Outflow f : outflows(scope, orgId, true)) {
            String path = paths.computeIfAbsent(f.orgId(), id -> organizations.describe(id).path().value());
            LocalDate contactDue = f.lastContactOn().plusMonths(contactMonths);
            if (!contactDue.isAfter(today)) {
                due.add(reminder("R2", f, path, contactDue, "已" + contactMonths + "个月未联系（最后联系" + f.lastContactOn()
                        + "），党组织应与外出党员保持经常联系"));
            }
            if (f.fixedPlace() && f.monthsAway(today) >= TRANSFER_MONTHS) {
                due.add(reminder("R1", f, path, f.leftOn().plusMonths(TRANSFER_MONTHS), "外出满6个月且地点相对固定，应转接组织关系"
                        + "（《党员教育管理工作条例》第二十五条）"));
            }
            if (f.certificateNo() == null && f.monthsAway(today) >= certificateMonths) {
                due.add(reminder("R3", f, path, f.leftOn().plusMonths(certificateMonths), "尚未发放流动党员活动证"));
            }
        }
        return due;
    }

    private static MemberReminder reminder(String rule, Outflow f, String orgPath, LocalDate dueOn, String message) {
        return new MemberReminder(rule, f.memberId(), f.memberName(), f.orgId(), f.orgName(), orgPath, dueOn, message,
                false);
    }

    private Outflow managedOutflow(DataScope scope, long id) {
        Outflow f = records.outflow(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        members.lockForChange(scope, f.memberId(), null);
        return f;
    }

    private Organization managedOrg(DataScope scope, long orgId) {
        Organization org = organizations.getManaged(scope, orgId);
        if (!scope.managesMembersAt(org.path().value())) {
            throw new NotFoundException("组织不存在或不在您的管理范围内");
        }
        return org;
    }

    private Outflow recorded(DataScope scope, Outflow before, MemberAuditAction action) {
        Outflow after = records.outflow(before.id()).orElseThrow();
        audit.record(scope, action, ENTITY, before.id(), organizations.describe(after.orgId()).path().value(),
                snapshot(before), snapshot(after));
        return after;
    }

    private static void requireDate(LocalDate on, LocalDate notBefore, String field, String label) {
        if (on == null) {
            throw InvalidInputException.of(field, "请填写" + label);
        }
        if (on.isAfter(LocalDate.now())) {
            throw InvalidInputException.of(field, label + "不能晚于今天");
        }
        if (on.isBefore(notBefore)) {
            throw InvalidInputException.of(field, label + "不能早于" + notBefore);
        }
    }

    private static void required(FieldErrors errors, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.reject(field, message);
        } else if (value.length() > 200) {
            errors.reject(field, "不能超过200字");
        }
    }

    private static Map<String, Object> snapshot(Outflow f) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("member", f.memberName());
        s.put("destination", f.destination());
        s.put("leftOn", f.leftOn().toString());
        s.put("fixedPlace", f.fixedPlace());
        s.put("certificateNo", f.certificateNo());
        s.put("lastContactOn", f.lastContactOn().toString());
        s.put("returnedOn", f.returnedOn() == null ? null : f.returnedOn().toString());
        return s;
    }
}
