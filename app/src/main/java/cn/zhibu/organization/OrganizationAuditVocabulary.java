package cn.zhibu.organization;

import cn.zhibu.organization.internal.OrganizationRepository;
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
import java.util.Objects;
import java.util.stream.Collectors;

/** How the organization module's audit entries read: organizations and their committees (班子). */
@Component
class OrganizationAuditVocabulary implements AuditVocabulary {

    private final JdbcClient jdbc;
    private final OrganizationRepository repository;

    OrganizationAuditVocabulary(JdbcClient jdbc, OrganizationRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(OrganizationAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of("organization", "党组织")
                        .field("name", "名称")
                        .field("shortName", "简称")
                        .field("type", "组织类型", OrganizationType.class, OrganizationType::label)
                        .field("category", "单位类别", OrganizationCategory.class, OrganizationCategory::label)
                        .field("parentId", "上级党组织", this::orgName)
                        .field("unitName", "所在单位")
                        .field("coveredUnits", "覆盖单位")
                        .field("establishedOn", "成立日期")
                        .coded("status", "状态", Map.of("ACTIVE", "正常", "DISSOLVED", "已撤销"))
                        .hidden("path")
                        .title("name")
                        .links(this::links),
                AuditSubject.of("committee", "党组织班子")
                        .field("termStart", "任期开始")
                        .field("termEnd", "任期届满")
                        .field("seats", "班子成员", OrganizationAuditVocabulary::seats)
                        .hidden("orgId", "termId", "id", "memberId", "sortOrder")
                        .links(this::links));
    }

    private String orgName(Object raw) {
        return raw instanceof Number n ? repository.find(n.longValue()).map(Organization::name).orElse(null) : null;
    }

    /** The seats of a committee as "书记 张三、组织委员 李四". */
    private static String seats(Object raw) {
        if (!(raw instanceof List<?> seats)) {
            return null;
        }
        if (seats.isEmpty()) {
            return "（无）";
        }
        return seats.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(seat -> position(seat.get("position")) + " " + Objects.toString(seat.get("personName"), ""))
                .collect(Collectors.joining("、"));
    }

    private static String position(Object code) {
        for (CommitteePosition p : CommitteePosition.values()) {
            if (p.name().equals(code)) {
                return p.label();
            }
        }
        return Objects.toString(code, "");
    }

    /** Organizations whose page the caller may open (the page's rule: within the caller's managed subtrees). */
    private Map<String, String> links(DataScope scope, Collection<String> entityIds) {
        List<Long> ids = RecordLinks.numericIds(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("path", params);
        params.put("ids", ids);
        Map<String, String> links = new LinkedHashMap<>();
        jdbc.sql("select id from organization where id in (:ids) and " + inScope).params(params)
                .query((rs, i) -> links.put(Long.toString(rs.getLong(1)), "/orgs/" + rs.getLong(1))).list();
        return links;
    }
}
