package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.internal.InviteeRecords.Invitation;
import cn.zhibu.member.FloatingService;
import cn.zhibu.member.Inflow;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RollMember;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.CommitteeSeat;
import cn.zhibu.organization.Organization;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who a meeting invites, from its kinds (the union when it has several):
 * <ul>
 *   <li>支部党员大会, 主题党日, 组织生活会, 民主评议 and a branch's 党课 (B6, B9–B11): every member registered in the
 *       branch, its 党小组 included, and the 流动党员 registered there (R2: they take part where they live);</li>
 *   <li>党小组会 (B8): the group's members and the 流动党员 registered in the group;</li>
 *   <li>支委会 (B7), and a 党委's 党课 (B9): the members seated on the organization's current committee.</li>
 * </ul>
 * The vote (B6, B7 quorum) is the registry's on the meeting's day: 正式党员 not under 留党察看 (E2); a 流动党员 of
 * another organization never votes here (R3). Seats held by someone not on the roster cannot be invited.
 */
@Component
public class InviteeRoll {

    private static final Set<MeetingKind> WHOLE_ROLL = EnumSet.of(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.THEME_DAY,
            MeetingKind.LIFE_MEETING, MeetingKind.APPRAISAL, MeetingKind.GROUP);

    private final MembershipService membership;
    private final FloatingService floating;

    InviteeRoll(MembershipService membership, FloatingService floating) {
        this.membership = membership;
        this.floating = floating;
    }

    public List<Invitation> invitations(DataScope scope, Organization org, Committee committee,
                                        Set<MeetingKind> kinds, LocalDate day) {
        boolean lecture = kinds.contains(MeetingKind.LECTURE);
        boolean wholeRoll = kinds.stream().anyMatch(WHOLE_ROLL::contains) || lecture && !org.type().isCommittee();
        boolean committeeOnly = kinds.contains(MeetingKind.COMMITTEE) || lecture && org.type().isCommittee();
        Map<Long, Invitation> invited = new LinkedHashMap<>();
        if (wholeRoll) {
            for (RollMember m : membership.roll(scope, org.id(), day)) {
                invited.put(m.id(), new Invitation(m.id(), m.name(), m.voting()));
            }
            for (Inflow f : floating.inflows(scope, org.id(), true)) {
                long id = cn.zhibu.life.Invitee.inflowMemberId(f.id());
                invited.put(id, new Invitation(id, f.name(), false)); // R3: no vote where they live
            }
        }
        if (committeeOnly) {
            List<Long> seated = committee.seats().stream().map(CommitteeSeat::memberId).filter(Objects::nonNull)
                    .distinct().toList();
            for (RollMember m : membership.roll(scope, seated, day)) {
                invited.putIfAbsent(m.id(), new Invitation(m.id(), m.name(), m.voting()));
            }
        }
        return List.copyOf(invited.values());
    }

    /** The current committee has someone on the roster seated: a 支委会 can be held (B7). */
    public static boolean seated(Committee committee) {
        return committee.exists() && committee.seats().stream().anyMatch(s -> s.memberId() != null);
    }
}
