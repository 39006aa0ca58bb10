package cn.zhibu.member;

import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditSubject.RecordLinks;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How the member module's audit entries read: members, transfers, floating members, roster exports and imports. */
@Component
class MemberAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;
    private final OrganizationService organizations;

    MemberAuditVocabulary(JdbcClient jdbc, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(MemberAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        Function<Object, String> orgName = raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null;
        return List.of(
                AuditSubject.of("member", "党员")
                        .field("name", "姓名")
                        .field("orgId", "所在党组织", orgName)
                        .field("org", "所在党组织")
                        .field("gender", "性别", Gender.class, Gender::label)
                        .field("ethnicity", "民族")
                        .field("birthDate", "出生日期")
                        .field("idNumber", "身份证号")
                        .field("phone", "手机号码")
                        .field("education", "学历", Education.class, Education::label)
                        .field("occupation", "工作岗位", Occupation.class, Occupation::label)
                        // a status change's new status is a member status or, leaving the registry, an archive status
                        .field("status", "党员状态", raw -> statusLabel(String.valueOf(raw)))
                        .field("joinedOn", "入党日期")
                        .field("convertedOn", "转正日期")
                        .field("jobTitle", "职务")
                        .field("workUnit", "工作单位")
                        .field("kind", "变更类型", StatusChangeKind.class, StatusChangeKind::label)
                        .field("effectiveOn", "生效日期")
                        .field("reason", "原因")
                        .field("documentRef", "文件依据")
                        .field("approvedBy", "批准组织")
                        .field("lostContactSince", "失去联系日期")
                        .field("letterNo", "介绍信编号")
                        .title("name")
                        .links(this::memberLinks),
                AuditSubject.of("member_transfer", "组织关系转接")
                        .field("letterNo", "介绍信编号")
                        .field("member", "党员")
                        .field("from", "转出党组织")
                        .field("to", "转入党组织")
                        .field("status", "办理状态", TransferStatus.class, TransferStatus::label)
                        .field("awaiting", "待办环节", TransferStep.class, TransferStep::label)
                        .field("validUntil", "有效期至")
                        .hidden("memberId")
                        .title("member", "letterNo")
                        .links(this::transferLinks),
                AuditSubject.of("floating_member", "流动党员")
                        .field("member", "党员")
                        .field("name", "姓名")
                        .field("destination", "外出地点")
                        .field("leftOn", "外出日期")
                        .field("fixedPlace", "地点相对固定")
                        .field("certificateNo", "流动党员活动证编号")
                        .field("lastContactOn", "最后联系日期")
                        .field("returnedOn", "返回日期")
                        .field("homeOrg", "组织关系所在党组织")
                        .field("arrivedOn", "流入日期")
                        .title("member", "name"),
                AuditSubject.of("member_export", "花名册导出")
                        .field("org", "导出组织")
                        .field("rows", "导出人数")
                        .field("columns", "导出列")
                        .field("sensitiveInFull", "含完整身份证号或手机号")
                        .title("org"),
                AuditSubject.of("member_import", "花名册导入")
                        .field("file", "文件")
                        .field("rows", "导入人数")
                        .field("onlyValidRows", "只导入无误的行")
                        .field("skippedRows", "跳过的行")
                        .field("organizations", "涉及的党组织")
                        .title("file"));
    }

    private static String statusLabel(String code) {
        for (MemberStatus s : MemberStatus.values()) {
            if (s.name().equals(code)) {
                return s.label();
            }
        }
        for (ArchiveStatus s : ArchiveStatus.values()) {
            if (s.name().equals(code)) {
                return s.label();
            }
        }
        return null;
    }

    /** Members in the registry or the archive whose organization the caller manages (the pages' own rule). */
    private Map<String, String> memberLinks(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("org_path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id, false as archived from member where id in (:ids) and " + inScope
                        + " union all select id, true from member_archive where id in (:ids) and " + inScope)
                .params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)),
                        (rs.getBoolean(2) ? "/members/archived/" : "/members/") + rs.getLong(1)))
                .list();
        return links;
    }

    /** Transfers of which the caller manages the sending or the receiving organization (the transfer page's rule). */
    private Map<String, String> transferLinks(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String where = "(" + scope.memberScopeSql("from_org_path", params) + " or "
                + scope.memberScopeSql("to_org_path", params) + ")";
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id from member_transfer where id in (:ids) and " + where).params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)), "/transfers/" + rs.getLong(1))).list();
        return links;
    }
}
