package cn.zhibu.life.appraisal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.life.RecordingMeetingListener;
import cn.zhibu.member.Member;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhibu.life.appraisal.AppraisalFixtures.everyone;
import static cn.zhibu.life.appraisal.AppraisalFixtures.memberScope;
import static cn.zhibu.life.appraisal.AppraisalFixtures.secretaryScope;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 民主评议 through its services: P1's order, P2's quota at its edges, 预备党员 taking part without a grade, and the
 * completed appraisal counting as the branch's 民主评议 of the year through a meeting of the kind APPRAISAL.
 */
@IntegrationTest
class AppraisalIntegrationTest {

    @Autowired AppraisalFixtures fixtures;
    @Autowired AppraisalService appraisals;
    @Autowired AppraisalParticipation participation;
    @Autowired AppraisalBallots ballots;
    @Autowired AppraisalGrading grading;
    @Autowired OrganizationService organizations;
    @Autowired RecordingMeetingListener meetingChanges;
    @Autowired JdbcClient jdbc;

    @Test
    void P1_each_stage_opens_only_after_the_one_before_it_has_closed() {
        AppraisalFixtures.Branch b = fixtures.branch("顺序", 3, 1);
        DataScope secretary = secretaryScope(b.org());
        Appraisal a = appraisals.open(secretary, b.org().id(), LocalDate.now().getYear());
        assertThat(a.openStage()).contains(AppraisalStage.SELF_ASSESSMENT);
        assertThat(a.participants()).isEqualTo(4);
        assertThat(a.fullMembers()).isEqualTo(3);

        // nothing of a later stage while an earlier one is open
        for (AppraisalStage later : List.of(AppraisalStage.PEER_REVIEW, AppraisalStage.BALLOT, AppraisalStage.GRADING)) {
            assertThatThrownBy(() -> appraisals.openStage(secretary, a.id(), later))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("P1");
        }
        Member m = b.full().get(0);
        assertThatThrownBy(() -> participation.review(memberScope(m), a.id(), b.full().get(1).id(), "意见"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("党员互评环节尚未开始").hasMessageContaining("P1");
        assertThatThrownBy(() -> ballots.cast(memberScope(m), a.id(), everyone(b, Grade.QUALIFIED)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("民主测评环节尚未开始");

        participation.writeSelfAssessment(memberScope(m), a.id(), "一年来认真学习，按时参加组织生活。");
        appraisals.closeStage(secretary, a.id(), AppraisalStage.SELF_ASSESSMENT);
        assertThatThrownBy(() -> participation.writeSelfAssessment(memberScope(m), a.id(), "补写"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("个人自评环节已经结束");
        assertThatThrownBy(() -> appraisals.openStage(secretary, a.id(), AppraisalStage.BALLOT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("党员互评环节尚未进行");
        assertThatThrownBy(() -> appraisals.openStage(secretary, a.id(), AppraisalStage.SELF_ASSESSMENT))
                .hasMessageContaining("已经开始过");

        appraisals.openStage(secretary, a.id(), AppraisalStage.PEER_REVIEW);
        participation.review(memberScope(m), a.id(), b.full().get(1).id(), "工作踏实，需加强理论学习。");
        assertThatThrownBy(() -> participation.review(memberScope(m), a.id(), m.id(), "自己"))
                .hasMessageContaining("个人情况请写在个人自评中");
        appraisals.closeStage(secretary, a.id(), AppraisalStage.PEER_REVIEW);
        appraisals.openStage(secretary, a.id(), AppraisalStage.BALLOT);
        assertThatThrownBy(() -> appraisals.closeStage(secretary, a.id(), AppraisalStage.BALLOT))
                .hasMessageContaining("尚无党员参加民主测评");
        ballots.cast(memberScope(m), a.id(), everyone(b, Grade.QUALIFIED));
        assertThatThrownBy(() -> appraisals.openStage(secretary, a.id(), AppraisalStage.GRADING))
                .hasMessageContaining("民主测评环节尚未结束");
        appraisals.closeStage(secretary, a.id(), AppraisalStage.BALLOT);
        assertThatThrownBy(() -> ballots.cast(memberScope(b.full().get(1)), a.id(), everyone(b, Grade.QUALIFIED)))
                .hasMessageContaining("民主测评环节已经结束");
        Appraisal grading = appraisals.openStage(secretary, a.id(), AppraisalStage.GRADING);
        assertThatThrownBy(() -> appraisals.closeStage(secretary, a.id(), AppraisalStage.GRADING))
                .hasMessageContaining("在记录评定结果时结束");
        assertThat(grading.statusLabel()).isEqualTo("评定等次进行中");

        // a member runs no stage; one branch, one appraisal a year
        assertThatThrownBy(() -> appraisals.closeStage(memberScope(m), a.id(), AppraisalStage.GRADING))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> appraisals.open(secretary, b.org().id(), LocalDate.now().getYear()))
                .hasMessageContaining("每个支部每年一次");
    }

    @ParameterizedTest(name = "{0} rated 正式党员 → {1} 优秀 allowed")
    @CsvSource({"1, 0", "2, 0", "3, 1", "4, 1", "6, 2", "7, 2"})
    void P2_excellent_grades_are_refused_past_a_third_of_the_rated_members(int rated, int maxExcellent) {
        AppraisalFixtures.Branch b = fixtures.branch("比例", rated, 1);
        Appraisal a = fixtures.openAt(b, AppraisalStage.GRADING);
        DataScope secretary = secretaryScope(b.org());

        InvalidInputException tooMany = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> grading.record(secretary, a.id(), sheet(b, maxExcellent + 1)));
        assertThat(tooMany.fieldErrors().get("grades")).contains("P2");
        assertThat(appraisals.get(SYSTEM, a.id()).completed()).isFalse();

        Appraisal done = grading.record(secretary, a.id(), sheet(b, maxExcellent));
        assertThat(done.completed()).isTrue();
        GradeSummary summary = grading.summary(secretary, a.id());
        assertThat(summary.rated()).as("the 预备党员 is not in the base").isEqualTo(rated);
        assertThat(summary.maxExcellent()).isEqualTo(maxExcellent);
        assertThat(summary.excellent()).isEqualTo(maxExcellent);
        assertThat(summary.withinQuota()).isTrue();
    }

    /** {@code excellent} 优秀, the others 合格, one grade per 正式党员; proposed by the 党员大会 today. */
    private static GradeSheet sheet(AppraisalFixtures.Branch b, int excellent) {
        List<GradeSheet.Entry> grades = new ArrayList<>();
        for (int i = 0; i < b.full().size(); i++) {
            grades.add(new GradeSheet.Entry(b.full().get(i).id(), i < excellent ? Grade.EXCELLENT : Grade.QUALIFIED, null));
        }
        return new GradeSheet(ProposingBody.GENERAL_ASSEMBLY, LocalDate.now(), null, grades);
    }

    @Test
    void P2_probationary_members_take_part_and_vote_but_are_neither_on_the_ballot_nor_graded() {
        AppraisalFixtures.Branch b = fixtures.branch("预备", 3, 2);
        Appraisal a = fixtures.openAt(b, AppraisalStage.BALLOT);
        Member probationary = b.probationary().get(0);
        assertThat(ballots.rated(memberScope(probationary), a.id())).extracting(Participant::memberId)
                .containsExactlyInAnyOrderElementsOf(b.full().stream().map(Member::id).toList());

        Map<Long, Grade> withProbationary = new java.util.HashMap<>(everyone(b, Grade.QUALIFIED));
        withProbationary.put(b.probationary().get(1).id(), Grade.EXCELLENT);
        assertThatThrownBy(() -> ballots.cast(memberScope(probationary), a.id(), withProbationary))
                .hasMessageContaining("预备党员，参加评议但不评定等次（P2）");
        Map<Long, Grade> missingOne = new java.util.HashMap<>(everyone(b, Grade.QUALIFIED));
        missingOne.remove(b.full().get(2).id());
        assertThatThrownBy(() -> ballots.cast(memberScope(probationary), a.id(), missingOne))
                .hasMessageContaining("请为每名正式党员选择等次").hasMessageContaining(b.full().get(2).name());
        // a 预备党员 votes
        ballots.cast(memberScope(probationary), a.id(), everyone(b, Grade.BASIC));
        assertThat(ballots.hasVoted(memberScope(probationary), a.id())).isTrue();

        DataScope secretary = secretaryScope(b.org());
        appraisals.closeStage(secretary, a.id(), AppraisalStage.BALLOT);
        assertThat(ballots.result(secretary, a.id()).totals()).extracting(GradeTotals::memberId)
                .containsExactlyInAnyOrderElementsOf(b.full().stream().map(Member::id).toList());
        appraisals.openStage(secretary, a.id(), AppraisalStage.GRADING);
        List<GradeSheet.Entry> grades = new ArrayList<>(sheet(b, 0).grades());
        grades.add(new GradeSheet.Entry(probationary.id(), Grade.QUALIFIED, null));
        assertThatThrownBy(() -> grading.record(secretary, a.id(),
                new GradeSheet(ProposingBody.GENERAL_ASSEMBLY, LocalDate.now(), null, grades)))
                .hasMessageContaining("预备党员，参加评议但不评定等次（P2）");
    }

    @Test
    void P2_an_unqualified_member_comes_with_the_note_that_education_comes_first() {
        AppraisalFixtures.Branch b = fixtures.branch("不合格", 3, 0);
        Appraisal a = fixtures.openAt(b, AppraisalStage.GRADING);
        DataScope secretary = secretaryScope(b.org());
        List<GradeSheet.Entry> grades = List.of(
                new GradeSheet.Entry(b.full().get(0).id(), Grade.EXCELLENT, null),
                new GradeSheet.Entry(b.full().get(1).id(), Grade.BASIC, "限期改正"),
                new GradeSheet.Entry(b.full().get(2).id(), Grade.UNQUALIFIED, "先进行批评教育，帮助其限期改正"));
        grading.record(secretary, a.id(), new GradeSheet(ProposingBody.GENERAL_ASSEMBLY, LocalDate.now(), null, grades));
        GradeSummary summary = grading.summary(secretary, a.id());
        assertThat(summary.unqualified()).isEqualTo(1);
        assertThat(summary.unqualifiedNote()).contains("教育帮助", "组织处置");
        assertThat(grading.ownGrade(memberScope(b.full().get(2)), a.id())).contains(Grade.UNQUALIFIED);
    }

    @Test
    void B11_the_completed_appraisal_is_recorded_as_a_confirmed_meeting_of_the_kind_appraisal_and_announced() {
        AppraisalFixtures.Branch b = fixtures.branch("计入", 3, 0);
        Appraisal a = fixtures.openAt(b, AppraisalStage.GRADING);
        DataScope secretary = secretaryScope(b.org());
        LocalDate heldOn = LocalDate.now();
        // a branch with no committee: the 支委会 cannot propose
        assertThatThrownBy(() -> grading.record(secretary, a.id(), new GradeSheet(ProposingBody.COMMITTEE, heldOn,
                null, sheet(b, 1).grades()))).hasMessageContaining("未设支部委员会");
        assertThatThrownBy(() -> grading.record(secretary, a.id(), new GradeSheet(ProposingBody.GENERAL_ASSEMBLY,
                LocalDate.now().plusDays(1), null, sheet(b, 1).grades()))).hasMessageContaining("不能晚于今天");

        Appraisal done = grading.record(secretary, a.id(), new GradeSheet(ProposingBody.GENERAL_ASSEMBLY, heldOn, null,
                sheet(b, 1).grades()));
        assertThat(done.heldOn()).isEqualTo(heldOn);
        assertThat(done.meetingId()).isNotNull();
        Map<String, Object> meeting = jdbc.sql("select * from life_meeting where id = ?").param(done.meetingId())
                .query().singleRow();
        assertThat(meeting).containsEntry("status", "CONFIRMED").containsEntry("org_id", b.org().id())
                .containsEntry("org_path", b.org().path().value());
        assertThat(meeting.get("held_on").toString()).isEqualTo(heldOn.toString());
        assertThat(jdbc.sql("select kind from life_meeting_kind where meeting_id = ?").param(done.meetingId())
                .query(String.class).list()).containsExactly("APPRAISAL");
        List<RecordingMeetingListener.Change> changes = meetingChanges.of(done.meetingId());
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).before()).isNull();
        assertThat(changes.get(0).after().kinds()).containsExactly(MeetingKind.APPRAISAL);
        assertThat(changes.get(0).after().heldOn()).isEqualTo(heldOn);
        assertThat(changes.get(0).after().counts()).isTrue();
        assertThatThrownBy(() -> appraisals.openStage(secretary, a.id(), AppraisalStage.GRADING))
                .hasMessageContaining("已经完成");
    }

    @Test
    void B11_a_recorded_committee_meeting_named_as_the_final_step_also_counts_as_the_appraisal() {
        AppraisalFixtures.Branch b = fixtures.branch("关联", 3, 0);
        organizations.startTerm(SYSTEM, b.org().id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        organizations.addSeat(SYSTEM, b.org().id(), CommitteePosition.SECRETARY, b.full().get(0).id(), b.full().get(0).name());
        Appraisal a = fixtures.openAt(b, AppraisalStage.GRADING);
        DataScope secretary = secretaryScope(b.org());
        LocalDate day = LocalDate.now();
        long committeeMeeting = meeting(b, day, MeetingStatus.HELD, "COMMITTEE");
        long assembly = meeting(b, day, MeetingStatus.HELD, "GENERAL_ASSEMBLY");
        long planned = meeting(b, day, MeetingStatus.PLANNED, "COMMITTEE");
        AppraisalFixtures.Branch other = fixtures.branch("他支部", 3, 0);
        long elsewhere = meeting(other, day, MeetingStatus.HELD, "COMMITTEE");
        assertThat(grading.meetingOptions(secretary, a.id())).extracting(MeetingOption::id)
                .contains(committeeMeeting, assembly).doesNotContain(planned, elsewhere);

        for (long wrong : List.of(assembly, planned, elsewhere, 987_654_321L)) {
            assertThatThrownBy(() -> grading.record(secretary, a.id(),
                    new GradeSheet(ProposingBody.COMMITTEE, null, wrong, sheet(b, 1).grades())))
                    .as("meeting %d", wrong).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("meetingId"));
        }
        Appraisal done = grading.record(secretary, a.id(), new GradeSheet(ProposingBody.COMMITTEE, null,
                committeeMeeting, sheet(b, 1).grades()));
        assertThat(done.meetingId()).isEqualTo(committeeMeeting);
        assertThat(done.heldOn()).isEqualTo(day);
        assertThat(jdbc.sql("select kind from life_meeting_kind where meeting_id = ? order by kind")
                .param(committeeMeeting).query(String.class).list()).containsExactly("APPRAISAL", "COMMITTEE");
        List<RecordingMeetingListener.Change> changes = meetingChanges.of(committeeMeeting);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).before().kinds()).containsExactly(MeetingKind.COMMITTEE);
        assertThat(changes.get(0).after().kinds()).containsExactlyInAnyOrder(MeetingKind.COMMITTEE, MeetingKind.APPRAISAL);
    }

    /** A meeting as the meetings part would have recorded it (its services are another helper's). */
    private long meeting(AppraisalFixtures.Branch b, LocalDate day, MeetingStatus status, String kind) {
        long id = jdbc.sql("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, status, created_by)
                        values (?, ?, ?, '支部会议', ?, ?, ?, ?, '测试') returning id""")
                .params(b.org().id(), b.org().path().value(), b.org().rootId(),
                        day.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)),
                        day.atTime(11, 0).atOffset(java.time.ZoneOffset.ofHours(8)), day, status.name())
                .query(Long.class).single();
        jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)").params(id, kind).update();
        return id;
    }
}
