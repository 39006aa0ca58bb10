package cn.zhibu.life.web;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingKindRules;
import cn.zhibu.life.MeetingService;
import cn.zhibu.member.MembershipService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the meeting form offers: the organizations the caller may schedule for, their kinds, the 党课 speakers. */
@Component
class MeetingFormOptions {

    /** Kinds a meeting may be scheduled as (谈心谈话 is recorded as talks, B11). */
    static final List<MeetingKind> SCHEDULABLE = Arrays.stream(MeetingKind.values())
            .filter(k -> k != MeetingKind.HEART_TALK).toList();
    private static final int ORG_OPTIONS = 500;

    /** A member who may lecture. */
    record Speaker(long id, String name) {
    }

    private final MeetingService meetings;
    private final OrganizationService organizations;
    private final MembershipService membership;

    MeetingFormOptions(MeetingService meetings, OrganizationService organizations, MembershipService membership) {
        this.meetings = meetings;
        this.organizations = organizations;
        this.membership = membership;
    }

    /** Active organizations of the caller's managed subtrees that hold meetings of some kind, in tree order. */
    List<Organization> organizations(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以安排会议");
        }
        List<Organization> options = new ArrayList<>();
        for (Organization root : organizations.roots(scope)) {
            if (scope.managesMembersAt(root.path().value())) {
                organizations.subtree(scope, root.id(), ORG_OPTIONS, 0).stream()
                        .filter(o -> o.active() && !MeetingKindRules.allowed(o.type(), true).isEmpty())
                        .forEach(options::add);
            }
        }
        return options;
    }

    /** The organization asked for (404 when not the caller's), else the only one there is, else none. */
    Long preselected(DataScope scope, Long orgId) {
        if (orgId != null) {
            return organizations.getManaged(scope, orgId).id();
        }
        List<Organization> options = organizations(scope);
        return options.size() == 1 ? options.get(0).id() : null;
    }

    /** The kinds the chosen organization may hold and who may lecture there; all kinds while none is chosen. */
    void addParts(DataScope scope, Model model, MeetingForm form) {
        if (form.orgId() == null) {
            model.addAttribute("kindOptions", SCHEDULABLE);
            model.addAttribute("speakers", List.of());
            return;
        }
        Organization org = organizations.getManaged(scope, form.orgId());
        model.addAttribute("kindOptions", meetings.kindsFor(scope, org.id()));
        model.addAttribute("speakers", speakers(scope, org));
    }

    /** A branch's members; a committee's seated members (B9: the 书记 lectures). */
    private List<Speaker> speakers(DataScope scope, Organization org) {
        if (org.type().isCommittee()) {
            return organizations.committee(scope, org.id()).seats().stream().filter(s -> s.memberId() != null)
                    .map(s -> new Speaker(s.memberId(), s.personName() + "（" + s.positionLabel() + "）")).toList();
        }
        if (org.type().isBranch()) {
            return membership.roll(scope, org.id(), LocalDate.now()).stream().map(m -> new Speaker(m.id(), m.name()))
                    .toList();
        }
        return List.of();
    }
}
