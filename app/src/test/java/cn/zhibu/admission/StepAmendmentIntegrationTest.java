package cn.zhibu.admission;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Education;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.admission.AdmissionStep.*;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first talk's talkers picked as members (D3), and 更正 of recorded steps: what may be corrected, what is refused
 * and by which rule, the history kept, the audit, the API and its scope.
 */
@IntegrationTest
class StepAmendmentIntegrationTest {

    private static final String PASSWORD = "Amend@Test2026";
    static final LocalDate APPLIED = LocalDate.of(2023, 3, 1);
    static final LocalDate CHOSEN = APPLIED.plusMonths(2);

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired StepAmendments amendments;
    @Autowired OrganizationService organizations;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committee;
    Organization branch;
    Organization otherBranch;
    Member secretary;
    Member organizer;
    Member propaganda;
    Member plain;
    Member outsider;
    Member contactA;
    Member contactB;
    String suffix;

    @BeforeEach
    void branchWithCommittee() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("更正测试党委" + suffix);
        branch = data.org(committee.id(), "更正测试支部" + suffix, OrganizationType.BRANCH);
        otherBranch = data.org(data.committee("更正他方党委" + suffix).id(), "更正他方支部" + suffix,
                OrganizationType.BRANCH);
        secretary = data.member(branch.id(), "陈建国", MemberStatus.FULL);
        organizer = data.member(branch.id(), "李组织", MemberStatus.FULL);
        propaganda = data.member(branch.id(), "赵宣传", MemberStatus.FULL);
        plain = data.member(branch.id(), "王瑞", MemberStatus.FULL);
        contactA = data.member(branch.id(), "联系人甲", MemberStatus.FULL);
        contactB = data.member(branch.id(), "联系人乙", MemberStatus.FULL);
        outsider = data.member(otherBranch.id(), "他方党员", MemberStatus.FULL);
        organizations.startTerm(SYSTEM, branch.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.SECRETARY, secretary.id(), secretary.name());
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.ORGANIZATION, organizer.id(), organizer.name());
        organizations.addSeat(SYSTEM, branch.id(), CommitteePosition.PROPAGANDA, propaganda.id(), propaganda.name());
    }

    private AdmissionCase applicant() {
        return admission.apply(SYSTEM, new ApplicationForm(branch.id(), "更正申请人",
                TestData.idNumber(LocalDate.of(1998, 4, 4), true), "汉族", Education.BACHELOR, Occupation.PROFESSIONAL,
                null, null, APPLIED));
    }

    private static StepForm talk(LocalDate on, List<Long> talkers, String byName) {
        return StepForm.simple(FIRST_TALK, on, byName, null).withTalkers(talkers, List.of());
    }

    private static StepAmendment amendment(LocalDate doneOn, String reason) {
        return new StepAmendment(doneOn, null, null, null, null, null, null, null, null, null, reason);
    }

    private AdmissionCase toActivist(AdmissionCase c) {
        admission.record(SYSTEM, c.id(), talk(APPLIED.plusDays(10), List.of(secretary.id()), null));
        admission.record(SYSTEM, c.id(), new StepForm(ACTIVIST_CHOSEN, CHOSEN, null, null, null,
                RecommendationMethod.MEMBERS, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null,
                null, null, null));
        admission.record(SYSTEM, c.id(), StepForm.simple(ACTIVIST_FILED, CHOSEN.plusDays(5), "机关党委", null));
        return admission.record(SYSTEM, c.id(), StepForm.simple(CONTACTS_ASSIGNED, CHOSEN.plusDays(5), null, null)
                .withMembers(List.of(contactA.id()))).admissionCase();
    }

    private long stepId(AdmissionCase c, AdmissionStep step) {
        return admission.get(SYSTEM, c.id()).steps().stream().filter(s -> s.step() == step).reduce((a, b) -> b)
                .orElseThrow().id();
    }

    // ---- D3: talkers as people -------------------------------------------------------------------------------

    @Test
    void D3_the_secretary_among_several_talkers_does_not_warn_and_their_names_are_kept() {
        Recorded r = admission.record(SYSTEM, applicant().id(),
                talk(APPLIED.plusDays(10), List.of(secretary.id(), plain.id()), null));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.step().form().talkerNames()).containsExactly("陈建国", "王瑞");
        assertThat(r.step().form().talkersLabel()).isEqualTo("陈建国、王瑞");
    }

    @Test
    void D3_the_organization_committee_member_as_talker_does_not_warn() {
        assertThat(admission.record(SYSTEM, applicant().id(), talk(APPLIED.plusDays(10), List.of(organizer.id()), null))
                .warnings()).isEmpty();
    }

    @Test
    void D3_a_talker_without_a_D3_seat_warns_naming_those_who_hold_one() {
        assertThat(admission.record(SYSTEM, applicant().id(), talk(APPLIED.plusDays(10), List.of(propaganda.id()), null))
                .warnings()).singleElement().asString().contains("陈建国").contains("李组织").doesNotContain("赵宣传");
    }

    @Test
    void D3_names_typed_together_count_one_by_one_as_old_records_were_entered() {
        assertThat(admission.record(SYSTEM, applicant().id(), talk(APPLIED.plusDays(10), List.of(), "陈建国、王瑞"))
                .warnings()).isEmpty();
    }

    @Test
    void D3_a_talker_outside_the_callers_scope_or_none_at_all_is_refused() {
        AdmissionCase c = applicant();
        assertThatThrownBy(() -> admission.record(scopeOf(branch), c.id(),
                talk(APPLIED.plusDays(10), List.of(secretary.id(), outsider.id()), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("所选谈话人不在本组织党员名册中");
        assertThatThrownBy(() -> admission.record(SYSTEM, c.id(), talk(APPLIED.plusDays(10), List.of(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择谈话人");
        assertThat(admission.get(SYSTEM, c.id()).steps()).hasSize(1);
    }

    @Test
    void D3_the_form_offers_the_committee_first_then_the_branch() {
        AdmissionCase c = applicant();
        List<TalkerCandidate> offered = admission.talkerCandidates(SYSTEM, c.id());
        assertThat(offered.subList(0, 2)).extracting(TalkerCandidate::name).containsExactlyInAnyOrder("陈建国", "李组织");
        assertThat(offered.get(2).name()).isEqualTo("赵宣传");
        assertThat(offered).extracting(TalkerCandidate::name).contains("王瑞").doesNotContain("他方党员");
    }

    private static cn.zhibu.platform.DataScope scopeOf(Organization org) {
        return new cn.zhibu.platform.DataScope(org.id(), "书记" + org.id(), false, List.of(), List.of(org.path()), null,
                null, false);
    }

    // ---- 更正 -------------------------------------------------------------------------------------------------

    @Test
    void a_wrong_date_is_corrected_with_its_reason_the_original_stays_visible_and_it_is_audited() {
        AdmissionCase c = toActivist(applicant());
        long talkId = stepId(c, FIRST_TALK);
        Amended a = amendments.amend(SYSTEM, c.id(), talkId, new StepAmendment(APPLIED.plusDays(12), null,
                List.of(secretary.id(), organizer.id()), null, null, null, null, null, null, null, "谈话日期录入有误"));
        assertThat(a.amendment().changes()).extracting(Amendment.Change::label, Amendment.Change::before,
                Amendment.Change::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("办理日期", APPLIED.plusDays(10).toString(), APPLIED.plusDays(12).toString()),
                org.assertj.core.groups.Tuple.tuple("谈话人", "陈建国", "陈建国、李组织"));
        StepRecord corrected = a.admissionCase().steps().stream().filter(s -> s.id() == talkId).findFirst().orElseThrow();
        assertThat(corrected.doneOn()).isEqualTo(APPLIED.plusDays(12));
        assertThat(amendments.of(SYSTEM, c.id())).singleElement().satisfies(h -> {
            assertThat(h.reason()).isEqualTo("谈话日期录入有误");
            assertThat(h.step()).isEqualTo(FIRST_TALK);
        });
        assertThat(jdbc.sql("select count(*) from audit_log where action = '发展党员.更正' and entity_id = ?")
                .param(Long.toString(c.id())).query(Long.class).single()).isOne();
    }

    @Test
    void D5_a_correction_that_leaves_a_later_step_short_of_the_year_is_refused_citing_the_article() {
        AdmissionCase c = toActivist(applicant());
        admission.record(SYSTEM, c.id(), StepForm.simple(ACTIVIST_REVIEW, CHOSEN.plusMonths(6), null, null));
        admission.record(SYSTEM, c.id(), new StepForm(TARGET_CHOSEN, CHOSEN.plusYears(1), null, null, null, null,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        long chosen = stepId(c, ACTIVIST_CHOSEN);
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), chosen, amendment(CHOSEN.plusDays(1), "日期有误")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第7步 确定发展对象").hasMessageContaining("未满一年（《发展党员工作细则》第十三条）");
        assertThat(admission.get(SYSTEM, c.id()).steps().stream().filter(s -> s.id() == chosen).findFirst()
                .orElseThrow().doneOn()).isEqualTo(CHOSEN);
        assertThat(amendments.of(SYSTEM, c.id())).isEmpty();
        // a day earlier keeps the year: allowed
        assertThat(amendments.amend(SYSTEM, c.id(), chosen, amendment(CHOSEN.minusDays(1), "日期有误")).amendment()
                .changes()).hasSize(1);
    }

    @Test
    void D1_a_correction_before_the_step_it_follows_is_refused() {
        AdmissionCase c = toActivist(applicant());
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), stepId(c, ACTIVIST_FILED),
                amendment(CHOSEN.minusDays(1), "日期有误")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能早于前一步骤的日期（" + CHOSEN + "）");
    }

    @Test
    void D2_the_application_date_and_the_applicant_are_not_corrected() {
        AdmissionCase c = applicant();
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), stepId(c, APPLICATION),
                amendment(APPLIED.minusDays(1), "日期有误")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("D2");
    }

    @Test
    void a_field_the_step_does_not_have_is_refused_and_so_is_no_change_or_no_reason() {
        AdmissionCase c = toActivist(applicant());
        long talkId = stepId(c, FIRST_TALK);
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), talkId, new StepAmendment(null, null, null, null,
                "编号1", null, null, null, null, null, "理由")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有“编号或归档位置”一项");
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), talkId, amendment(APPLIED.plusDays(10), "理由")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有要更正的内容");
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), talkId, amendment(APPLIED.plusDays(11), " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写更正理由");
    }

    @Test
    void D4_contacts_are_corrected_to_members_of_the_roll_only() {
        AdmissionCase c = toActivist(applicant());
        long contacts = stepId(c, CONTACTS_ASSIGNED);
        assertThatThrownBy(() -> amendments.amend(scopeOf(branch), c.id(), contacts, new StepAmendment(null, null, null,
                List.of(outsider.id()), null, null, null, null, null, null, "选错了人")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不在本组织党员名册中");
        Amended a = amendments.amend(scopeOf(branch), c.id(), contacts, new StepAmendment(null, null, null,
                List.of(contactA.id(), contactB.id()), null, null, null, null, null, null, "漏登一名培养联系人"));
        assertThat(a.amendment().changes()).singleElement().satisfies(ch -> {
            assertThat(ch.before()).isEqualTo("联系人甲");
            assertThat(ch.after()).isEqualTo("联系人甲、联系人乙");
        });
    }

    @Test
    void D10_D11_an_approval_date_and_an_approved_meeting_date_are_not_corrected() {
        AdmissionCase c = applicant();
        int voters = admission.votingRoll(SYSTEM, c.id(), LocalDate.of(2024, 8, 20)).size();
        new CaseWalker(admission, c.id(), APPLIED).activist(List.of(contactA.id()))
                .approved(List.of(contactA.id(), contactB.id()), voters, LocalDate.of(2024, 8, 20));
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), stepId(c, APPROVAL),
                amendment(LocalDate.of(2024, 9, 25), "日期有误")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("D10、D11");
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), stepId(c, ADMISSION_MEETING),
                amendment(LocalDate.of(2024, 8, 21), "日期有误")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("D10、D11");
        // what the approval decided is never a correction; its note is
        assertThat(amendments.amend(SYSTEM, c.id(), stepId(c, APPROVAL), new StepAmendment(null, null, null, null,
                null, null, null, "批复文号 某党委〔2024〕12号", null, null, "补记批复文号")).amendment().changes())
                .singleElement().extracting(Amendment.Change::label).isEqualTo("说明");
    }

    @Test
    void D11_a_conversion_meeting_moved_into_the_probation_is_refused_citing_the_article() {
        AdmissionCase c = applicant();
        LocalDate meeting = LocalDate.of(2024, 8, 20);
        int voters = admission.votingRoll(SYSTEM, c.id(), meeting).size();
        new CaseWalker(admission, c.id(), APPLIED).activist(List.of(contactA.id()))
                .approved(List.of(contactA.id(), contactB.id()), voters, meeting);
        admission.record(SYSTEM, c.id(), StepForm.simple(PROBATION_REVIEW, meeting.plusMonths(6), null, null));
        admission.record(SYSTEM, c.id(), StepForm.simple(CONVERSION_REQUEST, meeting.plusYears(1).minusDays(5), null, null));
        LocalDate conversion = meeting.plusYears(1).plusDays(3);
        int later = admission.votingRoll(SYSTEM, c.id(), conversion).size();
        admission.record(SYSTEM, c.id(), new StepForm(CONVERSION_MEETING, conversion, null, null, null, null, null,
                null, null, null, null, null, BranchVote.of(later, later, 0, 0, 0, 0), ConversionDecision.CONVERT, null,
                "同意", "无异议", null));
        assertThatThrownBy(() -> amendments.amend(SYSTEM, c.id(), stepId(c, CONVERSION_MEETING),
                amendment(meeting.plusYears(1).minusDays(1), "日期有误")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("届满后方可由支部大会讨论转正（《发展党员工作细则》第三十三条）");
    }

    // ---- through the API, and its scope ------------------------------------------------------------------------

    @Test
    void the_api_corrects_lists_the_history_and_another_branch_learns_nothing() {
        AdmissionCase c = toActivist(applicant());
        long talkId = stepId(c, FIRST_TALK);
        accounts.create("amsec" + suffix, PASSWORD, "更正书记", null, List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        accounts.create("amoth" + suffix, PASSWORD, "他方书记", null,
                List.of(new RoleGrant(Role.SECRETARY, otherBranch.id())));
        ApiClient own = ApiClient.loggedIn(port, "amsec" + suffix, PASSWORD);
        ApiClient other = ApiClient.loggedIn(port, "amoth" + suffix, PASSWORD);
        String path = "/api/v1/admission/cases/" + c.id() + "/steps/" + talkId + "/amendments";
        Map<String, Object> body = new HashMap<>(Map.of("doneOn", APPLIED.plusDays(11).toString(), "reason", "日期有误"));

        ApiClient.Response refused = other.post(path, body);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("更正申请人");
        assertThat(other.get("/api/v1/admission/cases/" + c.id() + "/amendments").status()).isEqualTo(404);

        ApiClient.Response outOfScope = own.post(path, Map.of("talkerIds", List.of(outsider.id()), "reason", "换人"));
        assertThat(outOfScope.status()).isEqualTo(400);
        assertThat(outOfScope.errors()).containsKey("talkerIds");

        ApiClient.Response done = own.post(path, body);
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        ApiClient.Response history = own.get("/api/v1/admission/cases/" + c.id() + "/amendments");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("日期有误").contains(APPLIED.plusDays(10).toString());

        ApiClient.Response step = own.post("/api/v1/admission/cases/" + applicant2().id() + "/steps",
                Map.of("step", "FIRST_TALK", "doneOn", APPLIED.plusDays(3).toString(), "talkerIds", List.of(outsider.id())));
        assertThat(step.status()).isEqualTo(400);
        assertThat(step.errors()).containsKey("talkerIds");
    }

    private AdmissionCase applicant2() {
        return admission.apply(SYSTEM, new ApplicationForm(branch.id(), "另一申请人",
                TestData.idNumber(LocalDate.of(1997, 5, 5), false), "汉族", Education.BACHELOR, Occupation.PROFESSIONAL,
                null, null, APPLIED));
    }
}
