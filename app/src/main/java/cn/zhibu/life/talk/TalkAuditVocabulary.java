package cn.zhibu.life.talk;

import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the talks' audit entries read. */
@Component
class TalkAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;
    private final OrganizationService organizations;

    TalkAuditVocabulary(JdbcClient jdbc, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(TalkAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of(TalkService.ENTITY, "谈心谈话")
                .field("orgId", "党支部", raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null)
                .field("heldOn", "谈话日期")
                .field("firstName", "谈话人")
                .field("secondName", "谈话对象")
                .field("topic", "谈话主题")
                .field("note", "谈话情况")
                .hidden("firstMemberId", "secondMemberId")
                .title("topic")
                .links(this::links));
    }

    /** A talk links to the talks page of its branch, for those who manage it. */
    private Map<String, String> links(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = AuditSubject.RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("org_path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id, org_id, extract(year from held_on)::int from life_talk where id in (:ids) and " + inScope)
                .params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)),
                        "/life/talks?orgId=" + rs.getLong(2) + "&year=" + rs.getInt(3)))
                .list();
        return links;
    }
}
