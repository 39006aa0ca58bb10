package cn.zhibu.publishing;

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

/** How the publishing module's audit entries read: 公示 and the opinions on them. */
@Component
class PublishingAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;
    private final OrganizationService organizations;

    PublishingAuditVocabulary(JdbcClient jdbc, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(PublishingAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of("publicity", "公示")
                        .field("orgId", "发布组织", raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null)
                        .field("title", "标题")
                        .field("body", "内容")
                        .field("startsOn", "公示开始")
                        .field("endsOn", "公示结束")
                        .field("workingDays", "工作日数")
                        .field("withdrawnBy", "撤回人")
                        .field("withdrawReason", "撤回原因")
                        .hidden("subjectType", "subjectId")
                        .title("title")
                        .links(this::publicityLinks),
                AuditSubject.of("publicity_comment", "公示意见")
                        .field("anonymous", "匿名")
                        .field("text", "意见内容")
                        .hidden("publicityId")
                        .links(this::commentLinks));
    }

    /** 公示 the caller manages (the 公示 page shows them, with their comments, to the publishing side). */
    private Map<String, String> publicityLinks(DataScope scope, Collection<String> entityIds) {
        return links(scope, "select id, id from publicity where id in (:ids) and ", "org_path", entityIds);
    }

    /** A comment links to its 公示. */
    private Map<String, String> commentLinks(DataScope scope, Collection<String> entityIds) {
        return links(scope, "select c.id, p.id from publicity_comment c join publicity p on p.id = c.publicity_id"
                + " where c.id in (:ids) and ", "p.org_path", entityIds);
    }

    private Map<String, String> links(DataScope scope, String select, String pathColumn, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql(pathColumn, params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql(select + inScope).params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)), "/publicity/" + rs.getLong(2))).list();
        return links;
    }
}
