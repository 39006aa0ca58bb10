package cn.zhibu.statistics;

import cn.zhibu.member.MemberBreakdown;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;

import java.util.Map;

/** The 驾驶舱 of one organization's subtree. */
public record Dashboard(Organization organization, MemberBreakdown members, Map<OrganizationType, Integer> organizations) {
}
