package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.FieldErrors;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which kinds a corrected record may count for: at least one; 谈心谈话 is recorded as talks, not as a meeting; a
 * 党小组 holds 党小组会 only, and only a 党小组 holds them; a 支委会 needs a committee with members in its seats (the
 * rule LIFE.md gives; the scheduling part applies the same when a meeting is planned).
 */
@Component
public class KindRules {

    private final OrganizationService organizations;

    KindRules(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public Set<MeetingKind> check(FieldErrors errors, MeetingRow m, List<MeetingKind> requested) {
        Set<MeetingKind> kinds = EnumSet.noneOf(MeetingKind.class);
        requested.stream().filter(k -> k != null).forEach(kinds::add);
        if (kinds.isEmpty()) {
            errors.reject("kinds", "请选择会议类型");
            return kinds;
        }
        Organization org = organizations.describe(m.orgId());
        boolean group = org.type() == OrganizationType.GROUP;
        if (kinds.contains(MeetingKind.HEART_TALK)) {
            errors.reject("kinds", "谈心谈话按谈话记录登记，不作为会议记录");
        } else if (group && !kinds.equals(EnumSet.of(MeetingKind.GROUP))) {
            errors.reject("kinds", "党小组只召开党小组会（B8）");
        } else if (!group && kinds.contains(MeetingKind.GROUP)) {
            errors.reject("kinds", "党小组会由党小组召开（B8），" + org.name() + "不是党小组");
        } else if (kinds.contains(MeetingKind.COMMITTEE)
                && !organizations.committees(List.of(m.orgId())).getOrDefault(m.orgId(), Committee.none(m.orgId()))
                .exists()) {
            errors.reject("kinds", org.name() + "没有支部委员会，不能召开支委会（B7）");
        }
        return kinds;
    }
}
