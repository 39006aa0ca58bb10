package cn.zhibu.life;

import cn.zhibu.inbox.InboxService;
import cn.zhibu.inbox.InboxView;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static cn.zhibu.life.LifeScopes.memberScope;
import static cn.zhibu.life.LifeScopes.secretaryScope;
import static cn.zhibu.life.MeetingSchedulingIntegrationTest.NEXT_WEEK;
import static cn.zhibu.life.MeetingSchedulingIntegrationTest.draft;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers: an invitee confirms or asks leave with a reason, only for themself and before the meeting ends; the
 * secretary approves or refuses, never their own; each is audited; and the inbox shows each side what waits for it.
 */
@IntegrationTest
class MeetingAnswersIntegrationTest {

    @Autowired TestData data;
    @Autowired MeetingService meetings;
    @Autowired MeetingAnswers answers;
    @Autowired InboxService inbox;
    @Autowired AuditLog audit;
    @Autowired cn.zhibu.organization.OrganizationService organizations;

    Organization branch;
    Member secretaryMember;
    Member member;
    Member other;
    DataScope secretary;

    @BeforeEach
    void branch() {
        Organization committee = data.committee("答复测试党委" + System.nanoTime() % 1_000_000);
        branch = data.org(committee.id(), "答复测试支部", OrganizationType.BRANCH);
        secretaryMember = data.member(branch.id(), "答复测试书记", MemberStatus.FULL);
        member = data.member(branch.id(), "答复测试党员", MemberStatus.FULL);
        other = data.member(branch.id(), "答复测试另一党员", MemberStatus.PROBATIONARY);
        secretary = secretaryScope(branch, secretaryMember);
    }

    @Test
    void an_invitee_confirms_or_asks_leave_and_the_secretary_decides() {
        Meeting m = meetings.schedule(secretary, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        DataScope self = memberScope(member);
        assertThat(answers.confirm(self, m.id()).response()).isEqualTo(InviteeResponse.CONFIRMED);
        assertThatThrownBy(() -> answers.askLeave(self, m.id(), "  ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("请填写请假事由");
        Invitee leave = answers.askLeave(self, m.id(), "外出学习");
        assertThat(leave.response()).isEqualTo(InviteeResponse.LEAVE);
        assertThat(leave.leaveStatus()).isEqualTo(LeaveStatus.REQUESTED);
        assertThat(leave.answerLabel()).isEqualTo("请假（待审批）");
        assertThatThrownBy(() -> answers.decideLeave(self, m.id(), member.id(), true))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> answers.decideLeave(secretary, m.id(), other.id(), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有请假");
        Invitee approved = answers.decideLeave(secretary, m.id(), member.id(), true);
        assertThat(approved.leaveStatus()).isEqualTo(LeaveStatus.APPROVED);
        assertThat(approved.leaveDecidedBy()).isEqualTo("书记");
        assertThat(answers.decideLeave(secretary, m.id(), member.id(), false).leaveStatus()).isEqualTo(LeaveStatus.REFUSED);
        // confirming after all withdraws the leave request
        Invitee back = answers.confirm(self, m.id());
        assertThat(back.leaveStatus()).isNull();
        assertThat(back.leaveReason()).isNull();
        assertThat(meetings.get(SYSTEM, m.id()).counts().confirmed()).isEqualTo(1);
        List<String> actions = audit.recent(SYSTEM, LifeAuditAction.ENTITY, 0, 50).stream()
                .filter(e -> e.entityId().equals(Long.toString(m.id()))).map(AuditLog.Entry::action).toList();
        assertThat(actions).contains("组织生活.确认参加", "组织生活.请假", "组织生活.准假", "组织生活.不准假");
    }

    @Test
    void only_the_invitee_answers_for_themself_before_the_meeting_ends_and_no_one_approves_their_own_leave() {
        Meeting m = meetings.schedule(secretary, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        Organization elsewhere = data.org(branch.parentId(), "答复测试别的支部", OrganizationType.BRANCH);
        Member stranger = data.member(elsewhere.id(), "别的支部党员", MemberStatus.FULL);
        assertThatThrownBy(() -> answers.confirm(memberScope(stranger), m.id())).isInstanceOf(NotFoundException.class);
        DataScope committeeWorker = secretaryScope(organizationAbove(), null);
        assertThatThrownBy(() -> answers.confirm(committeeWorker, m.id())).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("只有受邀党员本人");
        answers.askLeave(secretary, m.id(), "带队检查");
        assertThatThrownBy(() -> answers.decideLeave(secretary, m.id(), secretaryMember.id(), true))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("不能审批自己的请假");
        assertThat(answers.decideLeave(committeeWorker, m.id(), secretaryMember.id(), true).leaveStatus())
                .isEqualTo(LeaveStatus.APPROVED);

        LocalDateTime yesterday = LocalDate.now().minusDays(1).atTime(9, 0);
        Meeting ended = meetings.schedule(secretary, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), yesterday));
        assertThatThrownBy(() -> answers.confirm(memberScope(member), ended.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("会议已结束");
        meetings.cancel(secretary, m.id(), "改期");
        assertThatThrownBy(() -> answers.askLeave(memberScope(member), m.id(), "出差"))
                .hasMessageContaining("已取消");
    }

    @Test
    void the_inbox_asks_members_to_answer_and_secretaries_to_decide_leave_and_record_ended_meetings() {
        Meeting soon = meetings.schedule(secretary, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        Meeting ended = meetings.schedule(secretary, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY),
                LocalDate.now().minusDays(10).atTime(15, 0)));
        answers.askLeave(memberScope(other), soon.id(), "家中有事");

        List<InboxItem> mine = memberItems(memberScope(member));
        assertThat(mine).extracting(InboxItem::title).contains("请确认参加或请假：测试会议");
        InboxItem ask = mine.stream().filter(i -> i.link().equals("/life/meetings/" + soon.id())).findFirst().orElseThrow();
        assertThat(ask.detail()).contains("党员活动室", NEXT_WEEK.getMonthValue() + "月" + NEXT_WEEK.getDayOfMonth() + "日 14:30");
        assertThat(ask.mine()).isTrue();
        assertThat(mine).noneMatch(i -> i.link().contains("/life/meetings/" + ended.id()));
        assertThat(memberItems(memberScope(other))).extracting(InboxItem::title).contains("请假待审批：测试会议");

        InboxView view = inbox.view(secretary, branch.id(), false, 0, 100);
        List<InboxItem> lifeItems = view.items().stream().filter(i -> i.kind().equals("组织生活")).toList();
        assertThat(lifeItems).anySatisfy(i -> {
            assertThat(i.title()).isEqualTo("请假待审批：测试会议");
            assertThat(i.subject()).isEqualTo(other.name());
            assertThat(i.detail()).contains("家中有事");
            assertThat(i.mine()).isTrue();
        });
        assertThat(lifeItems).anySatisfy(i -> {
            assertThat(i.title()).isEqualTo("记录待补：测试会议");
            assertThat(i.link()).isEqualTo("/life/meetings/" + ended.id() + "/record");
            assertThat(i.date()).isEqualTo(ended.heldOn().plusDays(7));
            assertThat(i.overdue()).isTrue();
            assertThat(i.rule()).isEqualTo("B6");
        });
        answers.decideLeave(secretary, soon.id(), other.id(), false);
        assertThat(inbox.view(secretary, branch.id(), false, 0, 100).items())
                .noneMatch(i -> i.title().startsWith("请假待审批") && i.link().contains("/" + soon.id()));
        assertThat(memberItems(memberScope(other))).extracting(InboxItem::title).contains("请假未获批准：测试会议");
    }

    private List<InboxItem> memberItems(DataScope scope) {
        return inbox.view(scope, null, false, 0, 100).items().stream().filter(i -> i.kind().equals("组织生活")).toList();
    }

    private Organization organizationAbove() {
        return organizations.get(SYSTEM, branch.parentId());
    }
}
