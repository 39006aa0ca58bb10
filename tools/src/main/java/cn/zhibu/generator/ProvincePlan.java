package cn.zhibu.generator;

import cn.zhibu.organization.OrganizationType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The organization tree of the generated province, and the chunks its members will be generated in. */
record ProvincePlan(List<PlannedOrg> orgs, List<MemberChunk> chunks, int members) {

    PlannedOrg root() {
        return orgs.get(0);
    }

    Map<OrganizationType, Integer> countByType() {
        Map<OrganizationType, Integer> counts = new EnumMap<>(OrganizationType.class);
        orgs.forEach(o -> counts.merge(o.type, 1, Integer::sum));
        return counts;
    }
}
