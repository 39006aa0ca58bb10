package cn.zhibu.life;

import cn.zhibu.member.FloatingService;
import cn.zhibu.member.Inflow;
import cn.zhibu.member.InflowForm;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.zhibu.life.MeetingSchedulingIntegrationTest.NEXT_WEEK;
import static cn.zhibu.life.MeetingSchedulingIntegrationTest.draft;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is invited, from the kinds: the branch's members with its 党小组's and the 流动党员 registered there (no vote,
 * R3) for a 党员大会 or 主题党日 (B6, B10), the group's for a 党小组会 (B8), the seated committee for a 支委会 (B7), the
 * union for several kinds; the vote is a 正式党员's not under 留党察看 (E2). An edit recomputes the list and keeps the
 * answers of those still invited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InviteeIntegrationTest {

    @Autowired TestData data;
    @Autowired MeetingService meetings;
    @Autowired MeetingAnswers answers;
    @Autowired OrganizationService organizations;
    @Autowired MembershipService membership;
    @Autowired FloatingService floating;

    Organization branch;
    Organization group;
    Member full;
    Member probationary;
    Member groupFull;
    Member suspended;
    long inflowAtBranch;
    long inflowAtGroup;

    @BeforeAll
    void branchWithAGroupAndInflows() {
        Organization committee = data.committee("参会人员测试党委" + System.nanoTime() % 1_000_000);
        branch = data.org(committee.id(), "参会人员测试支部", OrganizationType.BRANCH);
        group = data.org(branch.id(), "参会人员测试党小组", OrganizationType.GROUP);
        full = data.member(branch.id(), "正式党员甲", MemberStatus.FULL);
        probationary = data.member(branch.id(), "预备党员乙", MemberStatus.PROBATIONARY);
        groupFull = data.member(group.id(), "小组正式党员丙", MemberStatus.FULL);
        suspended = data.member(group.id(), "留党察看丁", MemberStatus.FULL);
        membership.change(SYSTEM, suspended.id(), new StatusChange(StatusChangeKind.PARTY_PROBATION,
                LocalDate.now().minusMonths(1), "违反组织纪律", "纪字〔2026〕1号", "参会人员测试党委",
                LocalDate.now().plusMonths(11), null));
        inflowAtBranch = floating.registerInflow(SYSTEM, branch.id(), new InflowForm("流入党员戊", "外省某党支部",
                LocalDate.now().minusMonths(2), null, "活动证1")).id();
        inflowAtGroup = floating.registerInflow(SYSTEM, group.id(), new InflowForm("流入党员己", "外省某党支部",
                LocalDate.now().minusMonths(2), null, null)).id();
        Inflow gone = floating.registerInflow(SYSTEM, branch.id(), new InflowForm("已离开的流入党员", "外省某党支部",
                LocalDate.now().minusMonths(6), null, null));
        floating.registerInflowLeft(SYSTEM, gone.id(), LocalDate.now().minusMonths(1));
        organizations.startTerm(SYSTEM, branch.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.SECRETARY, full.id(), full.name());
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.ORGANIZATION, groupFull.id(), groupFull.name());
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.PROPAGANDA, null, "名册外委员");
    }

    private Map<Long, Boolean> invited(Meeting m) {
        return meetings.invitees(SYSTEM, m.id()).stream().collect(Collectors.toMap(Invitee::memberId, Invitee::voting));
    }

    @Test
    void B6_B10_the_branch_with_its_group_and_inflow_members_are_invited_E2_only_full_unsuspended_members_vote_R3() {
        Meeting assembly = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY), NEXT_WEEK));
        assertThat(invited(assembly)).containsExactlyInAnyOrderEntriesOf(Map.of(
                full.id(), true, probationary.id(), false, groupFull.id(), true, suspended.id(), false,
                -inflowAtBranch, false, -inflowAtGroup, false));
        assertThat(meetings.invitees(SYSTEM, assembly.id())).filteredOn(Invitee::inflow).extracting(Invitee::name)
                .containsExactlyInAnyOrder("流入党员戊", "流入党员己");
        assertThat(assembly.counts().invited()).isEqualTo(6);
        Meeting themeDay = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        assertThat(invited(themeDay)).isEqualTo(invited(assembly));
    }

    @Test
    void B8_a_group_meeting_invites_the_group_and_its_inflow_members() {
        Meeting m = meetings.schedule(SYSTEM, draft(group.id(), Set.of(MeetingKind.GROUP), NEXT_WEEK));
        assertThat(invited(m)).containsExactlyInAnyOrderEntriesOf(Map.of(groupFull.id(), true, suspended.id(), false,
                -inflowAtGroup, false));
    }

    @Test
    void B7_a_committee_meeting_invites_the_seated_committee_and_several_kinds_invite_the_union() {
        Meeting committee = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.COMMITTEE), NEXT_WEEK));
        assertThat(invited(committee)).containsExactlyInAnyOrderEntriesOf(Map.of(full.id(), true, groupFull.id(), true));
        Meeting both = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.COMMITTEE, MeetingKind.THEME_DAY),
                NEXT_WEEK));
        assertThat(invited(both)).hasSize(6);
    }

    @Test
    void an_edit_recomputes_the_invitations_and_keeps_the_answers_of_those_still_invited() {
        Meeting m = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        answers.confirm(LifeScopes.memberScope(full), m.id());
        answers.askLeave(LifeScopes.memberScope(probationary), m.id(), "出差");
        Meeting narrowed = meetings.edit(SYSTEM, m.id(), new MeetingDraft(0, m.title(), Set.of(MeetingKind.COMMITTEE),
                m.startsAt(), m.endsAt(), m.place(), null, null, null, null, null));
        List<Invitee> after = meetings.invitees(SYSTEM, m.id());
        assertThat(after).extracting(Invitee::memberId).containsExactlyInAnyOrder(full.id(), groupFull.id());
        assertThat(after).filteredOn(i -> i.memberId() == full.id()).extracting(Invitee::response)
                .containsExactly(InviteeResponse.CONFIRMED);
        assertThat(narrowed.counts().invited()).isEqualTo(2);
        meetings.edit(SYSTEM, m.id(), new MeetingDraft(0, m.title(), Set.of(MeetingKind.THEME_DAY), m.startsAt(),
                m.endsAt(), m.place(), null, null, null, null, null));
        List<Invitee> widened = meetings.invitees(SYSTEM, m.id());
        assertThat(widened).hasSize(6);
        assertThat(widened).filteredOn(i -> i.memberId() == probationary.id()).extracting(Invitee::response)
                .as("removed and invited again: a fresh invitation").containsExactly((InviteeResponse) null);
        assertThat(widened).filteredOn(i -> i.memberId() == full.id()).extracting(Invitee::response)
                .containsExactly(InviteeResponse.CONFIRMED);
    }
}
