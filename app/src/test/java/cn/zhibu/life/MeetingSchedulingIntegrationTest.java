package cn.zhibu.life;

import cn.zhibu.life.internal.MeetingRecords;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scheduling a meeting: the kinds an organization may hold (B6–B11), the times (not before the late-recording window
 * of 90 days, not after a year), a place or a link, the 党课's speaker; edits and cancellations only while planned;
 * every write audited.
 */
@IntegrationTest
class MeetingSchedulingIntegrationTest {

    @Autowired TestData data;
    @Autowired MeetingService meetings;
    @Autowired OrganizationService organizations;
    @Autowired AuditLog audit;
    @Autowired MeetingRecords records;

    static final LocalDateTime NEXT_WEEK = LocalDate.now().plusDays(7).atTime(14, 30);

    static MeetingDraft draft(long orgId, Set<MeetingKind> kinds, LocalDateTime start) {
        return new MeetingDraft(orgId, "测试会议", kinds, start, start.plusHours(2), "党员活动室", null, "议程", null,
                null, null);
    }

    private Organization branchWithMembers(String name, int full) {
        Organization committee = data.committee(name + "党委" + System.nanoTime() % 1_000_000);
        Organization branch = data.org(committee.id(), name, OrganizationType.BRANCH);
        for (int i = 0; i < full; i++) {
            data.member(branch.id(), name.substring(0, 2) + "党员" + "甲乙丙丁戊己庚辛".charAt(i), MemberStatus.FULL);
        }
        return branch;
    }

    private static String kindsError(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.fieldErrors().get("kinds");
        }
        throw new AssertionError("not refused");
    }

    @Test
    void B7_committee_meeting_only_for_a_branch_with_a_committee() {
        Organization branch = branchWithMembers("支委会测试支部", 3);
        Set<MeetingKind> committee = Set.of(MeetingKind.COMMITTEE);
        assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.id(), committee, NEXT_WEEK))))
                .contains("没有本届支部委员会", "B7");
        organizations.startTerm(SYSTEM, branch.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.ORGANIZATION, null, "名册外委员");
        assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.id(), committee, NEXT_WEEK))))
                .as("a committee whose seats hold no one on the roster cannot meet").contains("B7");
        Member secretary = data.member(branch.id(), "支委会书记", MemberStatus.FULL);
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.SECRETARY, secretary.id(), secretary.name());
        Meeting m = meetings.schedule(SYSTEM, draft(branch.id(), committee, NEXT_WEEK));
        assertThat(m.kinds()).containsExactly(MeetingKind.COMMITTEE);
        assertThat(meetings.invitees(SYSTEM, m.id())).extracting(Invitee::memberId).containsExactly(secretary.id());
        assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.parentId(), committee, NEXT_WEEK))))
                .contains("B7", "基层党委");
    }

    @Test
    void B6_B10_B11_branch_meetings_are_refused_for_a_group_and_a_committee() {
        Organization branch = branchWithMembers("党员大会测试支部", 3);
        Organization group = data.org(branch.id(), "党员大会测试党小组", OrganizationType.GROUP);
        data.member(group.id(), "小组党员", MemberStatus.FULL);
        for (MeetingKind kind : List.of(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.THEME_DAY, MeetingKind.LIFE_MEETING,
                MeetingKind.APPRAISAL)) {
            assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(group.id(), Set.of(kind), NEXT_WEEK))))
                    .as(kind.name()).contains(kind.rule(), "党小组");
            assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.parentId(), Set.of(kind), NEXT_WEEK))))
                    .as(kind.name()).contains(kind.rule(), "基层党委");
            assertThat(meetings.schedule(SYSTEM, draft(branch.id(), Set.of(kind), NEXT_WEEK)).kinds())
                    .containsExactly(kind);
        }
    }

    @Test
    void B8_group_meeting_only_for_a_group() {
        Organization branch = branchWithMembers("党小组会测试支部", 3);
        Organization group = data.org(branch.id(), "党小组会测试党小组", OrganizationType.GROUP);
        data.member(group.id(), "党小组会党员", MemberStatus.FULL);
        assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GROUP), NEXT_WEEK))))
                .contains("B8", "请在其党小组下安排");
        assertThat(meetings.schedule(SYSTEM, draft(group.id(), Set.of(MeetingKind.GROUP), NEXT_WEEK)).orgId())
                .isEqualTo(group.id());
        assertThat(meetings.kindsFor(SYSTEM, group.id())).containsExactly(MeetingKind.GROUP);
    }

    @Test
    void B9_a_lecture_is_given_by_a_committee_or_a_branch_and_names_its_speaker() {
        Organization branch = branchWithMembers("党课测试支部", 3);
        MeetingDraft noSpeaker = draft(branch.id(), Set.of(MeetingKind.LECTURE), NEXT_WEEK);
        assertThatThrownBy(() -> meetings.schedule(SYSTEM, noSpeaker)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("speakerName")).contains("B9"));
        Member lecturer = data.member(branch.id(), "党课主讲党员", MemberStatus.FULL);
        Meeting byMember = meetings.schedule(SYSTEM, withSpeaker(noSpeaker, lecturer.id(), null));
        assertThat(byMember.speakerMemberId()).isEqualTo(lecturer.id());
        assertThat(byMember.speakerName()).isEqualTo("党课主讲党员");
        assertThat(meetings.schedule(SYSTEM, withSpeaker(noSpeaker, null, "上级党委书记")).speakerName())
                .isEqualTo("上级党委书记");
        Organization elsewhere = branchWithMembers("党课别处支部", 1);
        long stranger = data.member(elsewhere.id(), "别处党员", MemberStatus.FULL).id();
        DataScope secretary = secretaryOf(branch);
        assertThatThrownBy(() -> meetings.schedule(secretary, withSpeaker(noSpeaker, stranger, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("主讲人不在您管理的党员中");
        // a 党委's lecture: its committee's seated members are invited
        Organization committee = organizations.get(SYSTEM, branch.parentId());
        organizations.startTerm(SYSTEM, committee.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(4));
        organizations.addSeat(SYSTEM, committee.id(), CommitteePosition.SECRETARY, lecturer.id(), lecturer.name());
        Meeting committeeLecture = meetings.schedule(SYSTEM, withSpeaker(
                draft(committee.id(), Set.of(MeetingKind.LECTURE), NEXT_WEEK), lecturer.id(), null));
        assertThat(meetings.invitees(SYSTEM, committeeLecture.id())).extracting(Invitee::memberId)
                .containsExactly(lecturer.id());
    }

    @Test
    void B11_heart_talks_are_recorded_as_talks_not_scheduled() {
        Organization branch = branchWithMembers("谈心谈话测试支部", 3);
        assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.HEART_TALK), NEXT_WEEK))))
                .contains("B11", "谈话记录");
        assertThat(kindsError(() -> meetings.schedule(SYSTEM, draft(branch.id(), Set.of(), NEXT_WEEK))))
                .isEqualTo("请至少选择一种会议类型");
    }

    @Test
    void late_window_a_meeting_held_exactly_90_days_ago_may_be_scheduled_91_days_ago_not() {
        Organization branch = branchWithMembers("补录期限测试支部", 3);
        LocalDate today = LocalDate.now();
        Meeting ninety = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY),
                today.minusDays(90).atTime(0, 0)));
        assertThat(ninety.heldOn()).isEqualTo(today.minusDays(90));
        assertThatThrownBy(() -> meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY),
                today.minusDays(91).atTime(23, 0))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("startsAt"))
                        .contains(today.minusDays(90).toString(), "90天"));
        assertThat(meetings.earliestDay()).isEqualTo(today.minusDays(90));
        // and a year ahead at most
        assertThatThrownBy(() -> meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY),
                today.plusYears(1).plusDays(1).atTime(9, 0)))).hasMessageContaining("一年以后");
    }

    @Test
    void every_field_is_checked_at_once_and_named() {
        Organization branch = branchWithMembers("字段测试支部", 3);
        MeetingDraft bad = new MeetingDraft(branch.id(), " ", Set.of(), NEXT_WEEK, NEXT_WEEK.minusMinutes(1), null,
                null, null, null, null, null);
        assertThatThrownBy(() -> meetings.schedule(SYSTEM, bad)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys(
                        "title", "kinds", "endsAt", "place"));
        MeetingDraft link = new MeetingDraft(branch.id(), "线上会议", Set.of(MeetingKind.THEME_DAY), NEXT_WEEK,
                NEXT_WEEK.plusHours(25), null, "javascript:alert(1)", null, null, null, null);
        assertThatThrownBy(() -> meetings.schedule(SYSTEM, link)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys(
                        "endsAt", "onlineLink"));
        Meeting online = meetings.schedule(SYSTEM, new MeetingDraft(branch.id(), "线上会议", Set.of(MeetingKind.THEME_DAY),
                NEXT_WEEK, NEXT_WEEK.plusHours(2), null, "https://meeting.example.com/123", null, null, null, null));
        assertThat(online.place()).isNull();
        assertThat(online.onlineLink()).isEqualTo("https://meeting.example.com/123");
    }

    @Test
    void a_member_cannot_schedule_and_edits_and_cancellations_are_for_planned_meetings_only() {
        Organization branch = branchWithMembers("修改取消测试支部", 3);
        Member member = data.member(branch.id(), "普通党员", MemberStatus.FULL);
        DataScope self = new DataScope(-7, member.name(), false, List.of(), List.of(), member.id(),
                new cn.zhibu.platform.TreePath(member.orgPath()), false);
        assertThatThrownBy(() -> meetings.schedule(self, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK)))
                .isInstanceOf(ForbiddenException.class);
        Meeting m = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        assertThatThrownBy(() -> meetings.edit(self, m.id(), draft(0, Set.of(MeetingKind.THEME_DAY), NEXT_WEEK)))
                .isInstanceOf(ForbiddenException.class);
        Meeting edited = meetings.edit(SYSTEM, m.id(), new MeetingDraft(0, "改期的主题党日",
                Set.of(MeetingKind.THEME_DAY, MeetingKind.GENERAL_ASSEMBLY), NEXT_WEEK.plusDays(1),
                NEXT_WEEK.plusDays(1).plusHours(2), "大会议室", null, null, null, null, m.version()));
        assertThat(edited.title()).isEqualTo("改期的主题党日");
        assertThat(edited.kinds()).containsExactly(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.THEME_DAY);
        assertThat(edited.heldOn()).isEqualTo(NEXT_WEEK.toLocalDate().plusDays(1));
        assertThatThrownBy(() -> meetings.edit(SYSTEM, m.id(), new MeetingDraft(0, "旧版本", Set.of(MeetingKind.THEME_DAY),
                NEXT_WEEK, NEXT_WEEK.plusHours(1), "会议室", null, null, null, null, m.version())))
                .hasMessageContaining("刚被他人修改过");
        assertThatThrownBy(() -> meetings.cancel(SYSTEM, m.id(), " ")).hasMessageContaining("请填写取消原因");
        Meeting cancelled = meetings.cancel(SYSTEM, m.id(), "与上级会议冲突");
        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.cancelledReason()).isEqualTo("与上级会议冲突");
        assertThatThrownBy(() -> meetings.cancel(SYSTEM, m.id(), "再取消一次")).hasMessageContaining("已取消");
        assertThatThrownBy(() -> meetings.edit(SYSTEM, m.id(), draft(0, Set.of(MeetingKind.THEME_DAY), NEXT_WEEK)))
                .hasMessageContaining("不能再修改");
        List<String> actions = audit.recent(SYSTEM, LifeAuditAction.ENTITY, 0, 100).stream()
                .filter(e -> e.entityId().equals(Long.toString(m.id()))).map(AuditLog.Entry::action).toList();
        assertThat(actions).contains("组织生活.安排会议", "组织生活.修改会议", "组织生活.取消会议");
    }

    @Test
    void the_list_is_most_recent_first_and_filters_by_kind_month_and_status() {
        Organization branch = branchWithMembers("列表测试支部", 3);
        LocalDate today = LocalDate.now();
        Meeting past = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY),
                today.minusDays(40).atTime(9, 0)));
        Meeting soon = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY), NEXT_WEEK));
        MeetingPage all = meetings.list(SYSTEM, new MeetingFilter(branch.id(), null, null, null), 0, 20);
        assertThat(all.items()).extracting(Meeting::id).containsExactly(soon.id(), past.id());
        assertThat(all.total()).isEqualTo(2);
        assertThat(meetings.list(SYSTEM, new MeetingFilter(branch.id(), MeetingKind.GENERAL_ASSEMBLY, null, null), 0, 20)
                .items()).extracting(Meeting::id).containsExactly(past.id());
        assertThat(meetings.list(SYSTEM, new MeetingFilter(branch.id(), null,
                java.time.YearMonth.from(past.heldOn()), null), 0, 20).items()).extracting(Meeting::id)
                .contains(past.id()).doesNotContain(soon.id());
        meetings.cancel(SYSTEM, soon.id(), "改期");
        assertThat(meetings.list(SYSTEM, new MeetingFilter(branch.id(), null, null, MeetingStatus.CANCELLED), 0, 20)
                .items()).extracting(Meeting::id).containsExactly(soon.id());
        assertThatThrownBy(() -> meetings.list(SYSTEM, new MeetingFilter(branch.id(), null,
                java.time.YearMonth.of(999_999, 1), null), 0, 20)).isInstanceOf(InvalidInputException.class);
    }

    /** The page's meetings are picked by an inner query and read after it (V62): order and pages must hold across. */
    @Test
    void the_lists_pages_keep_its_order_a_day_by_starting_time_and_the_committee_sees_its_branches() {
        Organization branch = branchWithMembers("分页测试支部", 3);
        LocalDate day = NEXT_WEEK.toLocalDate();
        Meeting morning = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY), day.atTime(9, 0)));
        Meeting evening = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY), day.atTime(19, 0)));
        Meeting dayAfter = meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.THEME_DAY),
                day.plusDays(1).atTime(8, 0)));
        MeetingFilter ofBranch = new MeetingFilter(branch.id(), null, null, null);
        MeetingPage first = meetings.list(SYSTEM, ofBranch, 0, 2);
        assertThat(first.items()).extracting(Meeting::id).containsExactly(dayAfter.id(), evening.id());
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items().get(0).kinds()).containsExactly(MeetingKind.THEME_DAY);
        assertThat(meetings.list(SYSTEM, ofBranch, 1, 2).items()).extracting(Meeting::id)
                .containsExactly(morning.id());
        assertThat(meetings.list(SYSTEM, ofBranch, 2, 2).items()).isEmpty();
        MeetingFilter ofCommittee = new MeetingFilter(branch.parentId(), null, null, null);
        assertThat(meetings.list(SYSTEM, ofCommittee, 0, 100).items()).extracting(Meeting::id)
                .contains(morning.id(), evening.id(), dayAfter.id());
    }

    /** A kind's meetings are counted joined or one by one, by the subtree's size: the same count either way. */
    @Test
    void a_kinds_meetings_count_the_same_joined_or_one_by_one() {
        Organization branch = branchWithMembers("类型计数支部", 3);
        meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY), NEXT_WEEK));
        meetings.schedule(SYSTEM, draft(branch.id(), Set.of(MeetingKind.GENERAL_ASSEMBLY, MeetingKind.THEME_DAY),
                NEXT_WEEK.plusDays(1)));
        Map<MeetingKind, Long> expected = Map.of(MeetingKind.GENERAL_ASSEMBLY, 2L, MeetingKind.THEME_DAY, 1L,
                MeetingKind.LECTURE, 0L);
        expected.forEach((kind, n) -> {
            MeetingFilter filter = new MeetingFilter(branch.id(), kind, null, null);
            assertThat(records.count(SYSTEM, branch.path(), filter, true)).as(kind.name()).isEqualTo(n);
            assertThat(records.count(SYSTEM, branch.path(), filter, false)).as(kind.name()).isEqualTo(n);
            assertThat(meetings.list(SYSTEM, filter, 0, 20).total()).as(kind.name()).isEqualTo(n);
            // without an organization: the secretary's own scope, whose size chooses the same way
            assertThat(meetings.list(secretaryOf(branch), new MeetingFilter(null, kind, null, null), 0, 20).total())
                    .as(kind.name()).isEqualTo(n);
        });
    }

    private static MeetingDraft withSpeaker(MeetingDraft d, Long memberId, String name) {
        return new MeetingDraft(d.orgId(), d.title(), d.kinds(), d.startsAt(), d.endsAt(), d.place(), d.onlineLink(),
                d.agenda(), memberId, name, null);
    }

    private static DataScope secretaryOf(Organization org) {
        return new DataScope(-8, "测试书记", false, List.of(), List.of(org.path()), null, null, false);
    }

    static Map<String, String> errors(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("not refused");
    }
}
