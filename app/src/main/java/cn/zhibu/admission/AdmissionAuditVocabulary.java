package cn.zhibu.admission;

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

/** How the admission module's audit entries read: 发展党员 cases, their steps and documents. */
@Component
class AdmissionAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;

    AdmissionAuditVocabulary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return AdmissionAuditAction.all();
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of(AdmissionService.ENTITY, "发展党员")
                .field("name", "姓名")
                .field("idNumber", "身份证号")
                .field("org", "所在党组织")
                .field("stage", "阶段", AdmissionStage.class, AdmissionStage::label)
                .field("step", "步骤", raw -> raw instanceof Number n
                        ? AdmissionStep.ofNumber(n.intValue()).map(AdmissionStep::title).orElse(null) : null)
                .field("doneOn", "办理日期")
                .field("ruleSet", "适用细则", RuleSet.class, RuleSet::title)
                .field("closedReason", "终止原因")
                .field("document", "材料")
                .field("sizeBytes", "大小（字节）")
                .field("talkerIds", "谈话人")
                .field("actedBy", "经办人或谈话人")
                .field("memberIds", "培养联系人或入党介绍人")
                .field("reference", "编号或归档位置")
                .field("trainingDays", "培训天数")
                .field("trainingHours", "培训学时")
                .field("groupOpinion", "党小组意见")
                .field("publicOpinion", "党内外群众意见")
                .field("note", "说明")
                .field("reason", "更正原因")
                .hidden("sm3", "stepId")
                .title("name")
                .links(this::links));
    }

    /** Cases in the caller's managed subtrees (the case page's rule). */
    private Map<String, String> links(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("o.path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select c.id from admission_case c join organization o on o.id = c.org_id where c.id in (:ids) and "
                        + inScope).params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)), "/admission/cases/" + rs.getLong(1))).list();
        return links;
    }
}
