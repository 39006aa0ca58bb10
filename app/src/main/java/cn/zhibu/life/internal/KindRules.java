package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingKindRules;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.FieldErrors;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which kinds a corrected record may count for: at least one, each one the meeting's organization may hold
 * ({@link MeetingKindRules}, as when a meeting is scheduled: 支委会 only with a seated committee, 党小组会 only in a
 * 党小组, 谈心谈话 never as a meeting).
 */
@Component
public class KindRules {

    private final OrganizationService organizations;

    KindRules(OrganizationService organizations) {
        this.organizations = organizations;
    }

    public Set<MeetingKind> check(FieldErrors errors, MeetingRow m, List<MeetingKind> requested) {
        Set<MeetingKind> kinds = EnumSet.noneOf(MeetingKind.class);
        requested.stream().filter(Objects::nonNull).forEach(kinds::add);
        if (kinds.isEmpty()) {
            errors.reject("kinds", "请选择会议类型");
            return kinds;
        }
        Organization org = organizations.describe(m.orgId());
        Committee committee = organizations.committees(List.of(m.orgId())).getOrDefault(m.orgId(),
                Committee.none(m.orgId()));
        boolean seated = committee.exists() && !committee.seats().isEmpty();
        kinds.stream().map(k -> MeetingKindRules.problem(k, org.type(), seated, org.name())).filter(Objects::nonNull)
                .findFirst().ifPresent(problem -> errors.reject("kinds", problem));
        return kinds;
    }
}
