package cn.zhibu.life.talk;

import cn.zhibu.life.roster.BranchRoster;
import cn.zhibu.life.roster.RosterMember;
import cn.zhibu.life.talk.internal.TalkRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The year's 谈心谈话 of a branch against B11, for those who manage it. A committee member is one seated on the
 * branch's current committee now (a talk is judged by who sits there when the coverage is read, so a 换届 during the
 * year moves its talks between pairings); members are the branch's members now, its 党小组 included. A talk with
 * someone who has left the branch still counts for its pairing.
 */
@Service
@Transactional(readOnly = true)
public class TalkCoverageReader {

    private static final String NO_COMMITTEE = "本支部未设支部委员会（或委员均不在本支部党员名册中），只需党员之间谈心谈话";

    private final TalkRecords records;
    private final OrganizationService organizations;
    private final BranchRoster roster;

    TalkCoverageReader(TalkRecords records, OrganizationService organizations, BranchRoster roster) {
        this.records = records;
        this.organizations = organizations;
        this.roster = roster;
    }

    public TalkCoverage coverage(DataScope scope, long orgId, int year) {
        TalkService.checkYear(year);
        Organization branch = organizations.getManaged(scope, orgId);
        if (!branch.type().isBranch()) {
            throw InvalidInputException.of("orgId", "谈心谈话按党支部统计，“" + branch.name() + "”是" + branch.typeLabel());
        }
        return of(branch, year);
    }

    /** The coverage of a branch already checked to be in the caller's scope. */
    public TalkCoverage of(Organization branch, int year) {
        List<RosterMember> members = roster.members(branch);
        Set<Long> inBranch = new LinkedHashSet<>();
        members.forEach(m -> inBranch.add(m.id()));
        Set<Long> seated = new LinkedHashSet<>(roster.committeeMemberIds(branch));
        seated.retainAll(inBranch);
        int committee = seated.size();
        int others = members.size() - committee;

        Map<Pairing, Integer> byPairing = new EnumMap<>(Pairing.class);
        Map<Long, Integer> talks = new HashMap<>();
        Map<Long, LocalDate> last = new HashMap<>();
        Map<Long, Set<Pairing>> pairingsOf = new HashMap<>();
        List<Talk> held = records.ofBranch(branch.id(), year);
        for (Talk t : held) {
            Pairing p = Pairing.of(seated.contains(t.firstMemberId()), seated.contains(t.secondMemberId()));
            byPairing.merge(p, 1, Integer::sum);
            for (long id : new long[]{t.firstMemberId(), t.secondMemberId()}) {
                talks.merge(id, 1, Integer::sum);
                last.merge(id, t.heldOn(), (a, b) -> a.isAfter(b) ? a : b);
                pairingsOf.computeIfAbsent(id, k -> EnumSet.noneOf(Pairing.class)).add(p);
            }
        }
        List<TalkCoverage.PairingCoverage> pairings = List.of(
                pairing(Pairing.COMMITTEE_COMMITTEE, byPairing, committee >= 2, committee == 0 ? NO_COMMITTEE
                        : "支部委员会只有1名委员"),
                pairing(Pairing.COMMITTEE_MEMBER, byPairing, committee >= 1 && others >= 1, committee == 0
                        ? NO_COMMITTEE : "本支部党员均为支部委员"),
                pairing(Pairing.MEMBER_MEMBER, byPairing, others >= 2, "支部委员以外的党员不足2名"));
        List<TalkCoverage.MemberCoverage> perMember = new ArrayList<>();
        for (RosterMember m : members) {
            perMember.add(new TalkCoverage.MemberCoverage(m.id(), m.name(), seated.contains(m.id()),
                    talks.getOrDefault(m.id(), 0), last.get(m.id()),
                    pairingsOf.getOrDefault(m.id(), EnumSet.noneOf(Pairing.class))));
        }
        return new TalkCoverage(branch.id(), branch.name(), year, committee > 0, held.size(), pairings, perMember);
    }

    private static TalkCoverage.PairingCoverage pairing(Pairing p, Map<Pairing, Integer> counts, boolean applies,
                                                        String whyNot) {
        return new TalkCoverage.PairingCoverage(p, applies, counts.getOrDefault(p, 0), applies ? null : whyNot);
    }
}
