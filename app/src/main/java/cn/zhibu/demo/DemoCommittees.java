package cn.zhibu.demo;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.OrganizationRules;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static cn.zhibu.organization.CommitteePosition.DEPUTY_SECRETARY;
import static cn.zhibu.organization.CommitteePosition.DISCIPLINE;
import static cn.zhibu.organization.CommitteePosition.ORGANIZATION;
import static cn.zhibu.organization.CommitteePosition.PROPAGANDA;
import static cn.zhibu.organization.CommitteePosition.SECRETARY;

/**
 * Registers the current committees of the demo tree: a 书记 for every branch with a term, a 支委会 where there are
 * 7 or more full members (B4), and 5-year 机关党委 and 3-year 党总支 committees drawn from the branch secretaries.
 */
final class DemoCommittees {

    private static final int BASE_COMMITTEE_TERM_YEARS = 5;
    private static final List<CommitteePosition> BASE_COMMITTEE_SEATS =
            List.of(SECRETARY, DEPUTY_SECRETARY, ORGANIZATION, PROPAGANDA, DISCIPLINE);
    private static final List<CommitteePosition> GENERAL_BRANCH_SEATS = List.of(SECRETARY, ORGANIZATION, PROPAGANDA);

    private final OrganizationService organizations;
    private final DataScope scope;
    private final Random random;
    private final LocalDate today;

    DemoCommittees(OrganizationService organizations, DataScope scope, Random random, LocalDate today) {
        this.organizations = organizations;
        this.scope = scope;
        this.random = random;
        this.today = today;
    }

    void elect(PlacedOrg node) {
        OrganizationType type = node.plan().type();
        if (type.isBranch()) {
            electBranch(node);
        } else if (type == OrganizationType.BASE_COMMITTEE) {
            LocalDate start = today.minusDays(365 + random.nextInt(3 * 365));
            electFromSecretaries(node, start, start.plusYears(BASE_COMMITTEE_TERM_YEARS), BASE_COMMITTEE_SEATS);
        } else if (type == OrganizationType.GENERAL_BRANCH) {
            LocalDate start = TermPlan.CURRENT.start(today, random);
            electFromSecretaries(node, start, start.plusYears(TermPlan.BRANCH_TERM_YEARS), GENERAL_BRANCH_SEATS);
        }
        node.children().forEach(this::elect);
    }

    private void electBranch(PlacedOrg branch) {
        TermPlan term = branch.plan().term();
        if (term == TermPlan.NONE) {
            return;
        }
        long id = branch.org().id();
        LocalDate start = term.start(today, random);
        organizations.startTerm(scope, id, start, start.plusYears(TermPlan.BRANCH_TERM_YEARS));
        List<Member> roster = branch.members();
        seat(id, SECRETARY, roster.get(0));
        long full = roster.stream().filter(m -> m.status() == MemberStatus.FULL).count();
        if (full < OrganizationRules.COMMITTEE_THRESHOLD) {
            return; // B4: below 7 full members a branch has only a 书记
        }
        List<CommitteePosition> positions = new ArrayList<>(List.of(ORGANIZATION, PROPAGANDA));
        if (full >= 10) {
            positions.add(DISCIPLINE);
        }
        if (roster.size() >= 30) {
            positions.add(0, DEPUTY_SECRETARY);
        }
        // 支委 are full members; the fixed demo people other than the secretary stay ordinary members
        int firstOrdinary = Math.max(1, branch.plan().named().size());
        List<Member> candidates = new ArrayList<>(roster.subList(firstOrdinary, roster.size()).stream()
                .filter(m -> m.status() == MemberStatus.FULL).toList());
        Collections.shuffle(candidates, random);
        for (int i = 0; i < positions.size(); i++) {
            seat(id, positions.get(i), candidates.get(i));
        }
    }

    /**
     * A 机关党委 or 党总支 committee made of secretaries of its branches: working ones, not newly converted, and not
     * the demo-account people, whose roles should stay those of a plain branch secretary.
     */
    private void electFromSecretaries(PlacedOrg unit, LocalDate start, LocalDate end,
                                      List<CommitteePosition> positions) {
        List<Member> secretaries = unit.branches()
                .filter(b -> b.plan().workforce() != Workforce.RETIREES && b.plan().term() != TermPlan.NEW_SECRETARY
                        && b.plan().named().isEmpty())
                .map(b -> b.members().get(0)).limit(positions.size()).toList();
        long id = unit.org().id();
        organizations.startTerm(scope, id, start, end);
        for (int i = 0; i < secretaries.size(); i++) {
            seat(id, positions.get(i), secretaries.get(i));
        }
    }

    private void seat(long orgId, CommitteePosition position, Member member) {
        organizations.addSeat(scope, orgId, position, member.id(), member.name());
    }
}
