package cn.zhibu.statistics;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.RuleWarning;

import java.util.List;

/** The rule warnings of one organization. */
public record OrgCheck(Organization organization, int fullMembers, int allMembers, List<RuleWarning> warnings) {
}
