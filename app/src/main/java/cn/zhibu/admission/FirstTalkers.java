package cn.zhibu.admission;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.CommitteeSeat;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * D3 [S]: the first talk is held by the branch's 书记, 副书记 or 组织委员. Talkers are picked as people — members of
 * the branch and of its committee — and read from the registry by id within the caller's scope.
 */
@Component
class FirstTalkers {

    /** The seats D3 names. */
    static final Set<CommitteePosition> SEATS = EnumSet.of(CommitteePosition.SECRETARY,
            CommitteePosition.DEPUTY_SECRETARY, CommitteePosition.ORGANIZATION);
    private static final int MEMBERS_OFFERED = 100;

    private final OrganizationService organizations;
    private final MemberService members;

    FirstTalkers(OrganizationService organizations, MemberService members) {
        this.organizations = organizations;
        this.members = members;
    }

    /** The names on record in D3's seats (how a talk entered by name is judged). */
    static Set<String> seatNames(Committee committee) {
        return committee.seats().stream().filter(s -> SEATS.contains(s.position())).map(CommitteeSeat::personName)
                .collect(Collectors.toSet());
    }

    /** The registry members in D3's seats (how talkers picked by id are judged). */
    static Set<Long> seatMembers(Committee committee) {
        return committee.seats().stream().filter(s -> SEATS.contains(s.position())).map(CommitteeSeat::memberId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The talkers picked that are registry members in the caller's scope, with their names; others are left out. */
    Map<Long, String> found(DataScope scope, List<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        for (Long memberId : ids) {
            try {
                Member m = members.get(scope, memberId);
                if (scope.managesMembersAt(m.orgPath())) {
                    found.put(memberId, m.name());
                }
            } catch (NotFoundException absent) {
                // left out: the rules say the talker is not on the caller's roll
            }
        }
        return found;
    }

    /**
     * Whom the form offers: the branch's 书记, 副书记 and 组织委员 on record first, then the other committee members,
     * then the branch's 正式党员; each person once.
     */
    List<TalkerCandidate> candidates(DataScope scope, long branchId) {
        Map<Long, TalkerCandidate> result = new LinkedHashMap<>();
        organizations.committee(scope, branchId).seats().stream()
                .filter(seat -> seat.memberId() != null)
                .sorted(Comparator.comparing(seat -> !SEATS.contains(seat.position())))
                .forEach(seat -> result.putIfAbsent(seat.memberId(), new TalkerCandidate(seat.memberId(),
                        seat.personName(), seat.position().label(), SEATS.contains(seat.position()))));
        members.search(scope, new MemberSearch(branchId, null, MemberStatus.FULL, null, null, null, null, null, 0,
                        MEMBERS_OFFERED, null)).items()
                .forEach(m -> result.putIfAbsent(m.id(), new TalkerCandidate(m.id(), m.name(), null, false)));
        return List.copyOf(result.values());
    }
}
