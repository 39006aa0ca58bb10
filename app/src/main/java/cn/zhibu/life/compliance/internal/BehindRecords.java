package cn.zhibu.life.compliance.internal;

import cn.zhibu.life.compliance.CompliancePeriod;
import cn.zhibu.life.compliance.Holder;
import cn.zhibu.life.compliance.Requirement;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizations of a subtree that owe something falling due in a month and have not satisfied it, in path order:
 * the profiles of the subtree (one index range) less those whose own facts say it is done.
 */
@Repository
public class BehindRecords {

    private final JdbcClient jdbc;

    BehindRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organization behind, with what the list shows of it. */
    public record Behind(long orgId, String name, OrganizationType type, String parentName) {
    }

    /**
     * @param requirements the requirements falling due in the month: an organization is behind on any it owes and has
     *                     neither held nor been exempted from
     * @param okMetric     with every requirement, the month-level fact that says all is done (null: by requirement)
     */
    public List<Behind> page(TreePath subtree, YearMonth month, List<Requirement> requirements, String okMetric,
                             int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        params.put("lo", subtree.value());
        params.put("hi", subtree.upperBound());
        params.put("m", month.atDay(1));
        params.put("limit", limit);
        params.put("offset", offset);
        String behind = okMetric != null ? allOf(requirements, okMetric, params) : anyOf(requirements, month, params);
        return jdbc.sql("""
                        select p.org_id, o.name, o.type, parent.name as parent_name
                        from life_compliance_org p
                        join organization o on o.id = p.org_id
                        left join organization parent on parent.id = o.parent_id
                        where p.org_path >= :lo and p.org_path < :hi and (%s)
                        order by p.org_path limit :limit offset :offset""".formatted(behind))
                .params(params)
                .query((rs, i) -> new Behind(rs.getLong("org_id"), rs.getString("name"),
                        OrganizationType.valueOf(rs.getString("type")), rs.getString("parent_name")))
                .list();
    }

    /** Owing anything in the month, without the month's OK fact. */
    private static String allOf(List<Requirement> requirements, String okMetric, Map<String, Object> params) {
        params.put("ok", okMetric);
        List<String> owing = new ArrayList<>();
        for (Holder holder : requirements.stream().map(Requirement::holder).distinct().toList()) {
            owing.add(owes(holder));
        }
        if (owing.isEmpty()) {
            return "false";
        }
        return "(" + String.join(" or ", owing) + ") and not exists (select 1 from life_compliance_own w"
                + " where w.org_id = p.org_id and w.metric = :ok and w.period = :m)";
    }

    /** Owing one of the requirements without its MET or EXEMPT fact. */
    private static String anyOf(List<Requirement> requirements, YearMonth month, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        for (int i = 0; i < requirements.size(); i++) {
            Requirement r = requirements.get(i);
            params.put("met" + i, r.metMetric());
            params.put("exempt" + i, r.exemptMetric());
            params.put("p" + i, CompliancePeriod.containing(r.period(), month).firstDay());
            any.add("(" + owes(r.holder()) + " and not exists (select 1 from life_compliance_own w"
                    + " where w.org_id = p.org_id and w.metric in (:met" + i + ", :exempt" + i + ") and w.period = :p" + i
                    + "))");
        }
        return any.isEmpty() ? "false" : String.join(" or ", any);
    }

    /** The profile owes the holder's periods ending in month :m. */
    private static String owes(Holder holder) {
        String window = " and (p.due_until is null or p.due_until > :m)";
        return switch (holder) {
            case BRANCH -> "(p.class = 'BRANCH' and p.due_from <= :m" + window + ")";
            case COMMITTEE -> "(p.class = 'BRANCH' and p.committee_from <= :m" + window + ")";
            case GROUP -> "(p.class = 'GROUP' and p.due_from <= :m" + window + ")";
            case PARTY -> "(p.class = 'PARTY' and p.due_from <= :m" + window + ")";
        };
    }
}
