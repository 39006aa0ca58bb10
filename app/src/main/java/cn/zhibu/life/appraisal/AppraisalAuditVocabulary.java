package cn.zhibu.life.appraisal;

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
import java.util.stream.Collectors;

/** How the appraisal's audit entries read: the appraisal, its stages, 自评, 互评, the fact of a ballot, the grades. */
@Component
class AppraisalAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;
    private final OrganizationService organizations;

    AppraisalAuditVocabulary(JdbcClient jdbc, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(AppraisalAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of(AppraisalService.ENTITY, "民主评议党员")
                .field("orgId", "党支部", raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null)
                .field("year", "评议年度")
                .field("status", "进展")
                .field("stage", "环节", AppraisalStage.class, AppraisalStage::label)
                .field("participants", "参评人数")
                .field("fullMembers", "正式党员人数")
                .field("selfAssessed", "已完成自评")
                .field("voted", "已参加测评")
                .field("proposedBy", "提出评定意见", ProposingBody.class, ProposingBody::label)
                .field("heldOn", "会议日期")
                .field("memberName", "党员")
                .field("selfAssessment", "个人自评")
                .field("subjectName", "被评价党员")
                .field("review", "互评意见")
                .field("ballot", "民主测评")
                .field("grades", "评定等次", AppraisalAuditVocabulary::grades)
                .hidden("meetingId", "memberId", "subjectId")
                .title("year")
                .links(this::links));
    }

    /** "张三 优秀、李四 合格". */
    private static String grades(Object raw) {
        if (!(raw instanceof List<?> list)) {
            return null;
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast).map(m -> {
            Object grade = m.get("grade");
            String label = java.util.Arrays.stream(Grade.values()).filter(g -> g.name().equals(grade))
                    .map(Grade::label).findFirst().orElse(String.valueOf(grade));
            return m.get("name") + " " + label;
        }).collect(Collectors.joining("、"));
    }

    /** Appraisals of the branches the caller manages. */
    private Map<String, String> links(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("org_path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id from life_appraisal where id in (:ids) and " + inScope).params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)), "/life/appraisals/" + rs.getLong(1))).list();
        return links;
    }
}
