package cn.zhibu.admission;

import cn.zhibu.member.Education;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.Occupation;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch meetings of a case through the API: the D9 vote counted on the roll of the meeting date, which the
 * server reads from the registry, and D11's extension of probation from the branch's decision to the 转正.
 */
@IntegrationTest
class AdmissionMeetingIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();
    static final LocalDate MEETING = TODAY.minusDays(60);

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @LocalServerPort int port;

    Organization branch;
    String suffix;

    @BeforeEach
    void branch() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("会议测试党委" + suffix);
        branch = data.org(committee.id(), "会议测试支部", OrganizationType.BRANCH);
    }

    private ApiClient admin() {
        return ApiClient.loggedIn(port, "admin", "Zhibu@2026");
    }

    private AdmissionCase applicant(LocalDate applied) {
        return admission.apply(SYSTEM, new ApplicationForm(branch.id(), "会议对象", TestData.idNumber(
                LocalDate.of(1995, 6, 6), true), "汉族", Education.BACHELOR, Occupation.PROFESSIONAL, null, null, applied));
    }

    private Member full(String name) {
        return data.member(branch.id(), name, MemberStatus.FULL);
    }

    /** A full member of the branch whose 转正 came on {@code convertedOn}. */
    private Member convertedOn(String name, LocalDate convertedOn) {
        MemberForm f = TestData.form(branch.id(), name, true, LocalDate.of(1990, 1, 1), MemberStatus.FULL);
        return members.create(SYSTEM, new MemberForm(f.orgId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(),
                f.idNumber(), f.phone(), f.education(), f.occupation(), MemberStatus.FULL, convertedOn.minusYears(1),
                convertedOn, null, null));
    }

    private static Map<String, Object> vote(int present, int yes) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("present", present);
        v.put("yes", yes);
        v.put("no", present - yes);
        v.put("abstain", 0);
        v.put("writtenYes", 0);
        v.put("writtenNo", 0);
        return v;
    }

    private static Map<String, Object> meeting(String step, LocalDate on, Map<String, Object> vote) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("step", step);
        f.put("doneOn", on.toString());
        f.put("vote", vote);
        return f;
    }

    private ApiClient.Response record(ApiClient api, long caseId, Map<String, Object> form) {
        return api.post("/api/v1/admission/cases/" + caseId + "/steps", form);
    }

    /** The steps that may be recorded now, as the status lists them (["HIGHER_TALK", …]). */
    private String available(ApiClient api, long caseId) {
        return api.get("/api/v1/admission/cases/" + caseId + "/status").json().get("availableSteps").toString();
    }

    @Test
    void D9_the_vote_counts_on_the_roll_of_the_meeting_date_and_exactly_half_present_is_no_quorum() {
        List<Long> voters = new java.util.ArrayList<>();
        for (String n : List.of("一", "二", "三", "四", "五")) {
            voters.add(full("表决人" + n).id());
        }
        Member diedSince = full("会后去世者");
        Member diedBefore = full("会前去世者");
        Member probationary = data.member(branch.id(), "预备党员丙", MemberStatus.PROBATIONARY);
        Member disciplined = full("留党察看者");
        Member convertedLater = convertedOn("会后转正者", MEETING.plusDays(20));
        membership.change(SYSTEM, diedSince.id(), new StatusChange(StatusChangeKind.DECEASE, MEETING.plusDays(10), "病故",
                null, null));
        membership.change(SYSTEM, diedBefore.id(), new StatusChange(StatusChangeKind.DECEASE, MEETING.minusDays(10),
                "病故", null, null));
        membership.change(SYSTEM, disciplined.id(), new StatusChange(StatusChangeKind.PARTY_PROBATION,
                MEETING.minusDays(30), "违反纪律", "纪字1号", "上级党委", MEETING.plusYears(1), null));
        AdmissionCase c = applicant(TODAY.minusYears(2));
        new CaseWalker(admission, c.id(), TODAY.minusYears(2)).activist(voters.subList(0, 1))
                .readyForMeeting(voters.subList(0, 2));
        ApiClient api = admin();

        // the roll is not the request's to give
        Map<String, Object> given = vote(9, 9);
        given.put("registryVoters", 9);
        ApiClient.Response refused = record(api, c.id(), meeting("ADMISSION_MEETING", MEETING, given));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get("vote.registryVoters").asString()).contains("按会议日期");

        // six on the roll that day (five full members and the one who died since): three present is exactly half
        ApiClient.Response half = record(api, c.id(), meeting("ADMISSION_MEETING", MEETING, vote(3, 3)));
        assertThat(half.status()).as(half.body()).isEqualTo(201);
        JsonNode counted = half.json().get("step").get("form").get("vote");
        assertThat(counted.get("registryVoters").asInt()).isEqualTo(6);
        assertThat(counted.get("roll").findValuesAsString("name")).containsExactlyInAnyOrder("表决人一", "表决人二",
                "表决人三", "表决人四", "表决人五", "会后去世者");
        assertThat(available(api, c.id())).as("no quorum: the meeting is held again").contains("\"ADMISSION_MEETING\"");

        // four present, three yes: quorate, but 2 × 3 is not more than 6
        assertThat(record(api, c.id(), meeting("ADMISSION_MEETING", MEETING, vote(4, 3))).status()).isEqualTo(201);
        assertThat(available(api, c.id())).contains("\"ADMISSION_MEETING\"");

        // exclusions come from the roll, with a ground and the approval
        Member elsewhere = data.member(data.org(data.committee("会议无关党委" + suffix).id(), "会议无关支部",
                OrganizationType.BRANCH).id(), "别处党员", MemberStatus.FULL);
        for (long notOnRoll : List.of(probationary.id(), convertedLater.id(), elsewhere.id())) {
            Map<String, Object> v = vote(3, 3);
            v.put("excluded", List.of(Map.of("memberId", notOnRoll, "ground", "ABROAD")));
            v.put("exclusionApprovedBy", "上级党委同意，党员大会通过");
            ApiClient.Response r = record(api, c.id(), meeting("ADMISSION_MEETING", MEETING, v));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").get("vote.excluded").asString()).contains("会议当日名册上");
            assertThat(r.body()).doesNotContain("别处党员");
        }
        // one abroad left out: five expected, three present and three yes pass
        Map<String, Object> v = vote(3, 3);
        v.put("excluded", List.of(Map.of("memberId", voters.get(4), "ground", "ABROAD")));
        v.put("exclusionApprovedBy", "上级党委同意，党员大会通过");
        ApiClient.Response passed = record(api, c.id(), meeting("ADMISSION_MEETING", MEETING, v));
        assertThat(passed.status()).as(passed.body()).isEqualTo(201);
        assertThat(passed.json().get("step").get("form").get("vote").get("excluded").findValuesAsString("name"))
                .containsExactly("表决人五");
        assertThat(available(api, c.id())).contains("\"HIGHER_TALK\"").doesNotContain("\"ADMISSION_MEETING\"");

        // the minutes name the roll
        long stepId = passed.json().get("step").get("id").asLong();
        BrowserSession.Page minutes = BrowserSession.loggedIn(port, "admin", "Zhibu@2026")
                .get("/admission/cases/" + c.id() + "/minutes/" + stepId);
        assertThat(minutes.status()).isEqualTo(200);
        assertThat(minutes.body()).contains("表决人一", "表决人四", "会后去世者", "表决人五：自费出国半年以上", "应到会")
                .doesNotContain("预备党员丙", "留党察看者", "会后转正者", "会前去世者");
    }

    @Test
    void D11_an_extension_approved_by_the_committee_moves_the_end_of_probation_and_only_one_is_allowed() {
        Member a = full("延长介绍人甲");
        Member b = full("延长介绍人乙");
        LocalDate applied = LocalDate.of(2021, 1, 10);
        LocalDate admitted = LocalDate.of(2022, 6, 1);
        AdmissionCase c = applicant(applied);
        new CaseWalker(admission, c.id(), applied).activist(List.of(a.id())).approved(List.of(a.id(), b.id()), 2,
                admitted);
        ApiClient api = admin();
        LocalDate ends = admitted.plusYears(1);
        for (Map<String, Object> step : List.of(
                Map.<String, Object>of("step", "APPROVAL_FILED", "doneOn", admitted.plusMonths(2).toString()),
                Map.<String, Object>of("step", "PLACED", "doneOn", admitted.plusMonths(2).toString()),
                Map.<String, Object>of("step", "OATH", "doneOn", admitted.plusMonths(2).toString()),
                Map.<String, Object>of("step", "PROBATION_REVIEW", "doneOn", admitted.plusMonths(8).toString()),
                Map.<String, Object>of("step", "CONVERSION_REQUEST", "doneOn", ends.minusDays(10).toString()))) {
            ApiClient.Response r = record(api, c.id(), step);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        // the branch extends probation by six months; the 上级党委 approves: the new end applies
        ApiClient.Response extended = record(api, c.id(), conversion(ends.plusDays(5), "EXTEND", 6));
        assertThat(extended.status()).as(extended.body()).isEqualTo(201);
        ApiClient.Response approved = record(api, c.id(), Map.of("step", "CONVERSION_APPROVAL",
                "doneOn", ends.plusDays(20).toString(), "passed", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        LocalDate newEnd = ends.plusMonths(6);
        JsonNode status = api.get("/api/v1/admission/cases/" + c.id() + "/status").json();
        assertThat(status.get("probationEnds").asString()).isEqualTo(newEnd.toString());
        assertThat(status.get("admissionCase").get("stage").asString()).isEqualTo("PROBATIONARY");
        long memberId = status.get("admissionCase").get("memberId").asLong();
        assertThat(members.get(SYSTEM, memberId).status()).isEqualTo(MemberStatus.PROBATIONARY);
        // the registry knows the new end: a 转正 on the member's page before it is refused, and the history shows it
        ApiClient.Response pageConversion = api.post("/api/v1/members/" + memberId + "/status-changes", Map.of(
                "kind", "CONVERT", "effectiveOn", ends.plusMonths(1).toString(), "reason", "转正",
                "approvedBy", "某某党委"));
        assertThat(pageConversion.status()).as(pageConversion.body()).isEqualTo(400);
        assertThat(pageConversion.json().get("errors").get("effectiveOn").asString()).contains("预备期已延长至" + newEnd);
        assertThat(api.get("/api/v1/members/" + memberId + "/status-changes").body())
                .contains("EXTEND_PROBATION", newEnd.toString());

        // a new cycle: the application, then the meeting — not before the new end, and not a second extension
        assertThat(record(api, c.id(), Map.of("step", "CONVERSION_REQUEST", "doneOn",
                newEnd.minusDays(10).toString())).status()).isEqualTo(201);
        ApiClient.Response early = record(api, c.id(), conversion(newEnd.minusDays(1), "CONVERT", null));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("errors").get("doneOn").asString()).contains("预备期至" + newEnd + "届满");
        ApiClient.Response again = record(api, c.id(), conversion(newEnd.plusDays(3), "EXTEND", 6));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get("decision").asString()).contains("只能延长一次");

        assertThat(record(api, c.id(), conversion(newEnd.plusDays(3), "CONVERT", null)).status()).isEqualTo(201);
        ApiClient.Response converted = record(api, c.id(), Map.of("step", "CONVERSION_APPROVAL",
                "doneOn", newEnd.plusDays(20).toString(), "passed", true));
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        assertThat(converted.json().get("admissionCase").get("stage").asString()).isEqualTo("FULL");
        Member full = members.get(SYSTEM, memberId);
        assertThat(full.status()).isEqualTo(MemberStatus.FULL);
        assertThat(full.convertedOn()).as("党龄 from the end of the extended probation (D10, D11)").isEqualTo(newEnd);
    }

    private static Map<String, Object> conversion(LocalDate on, String decision, Integer months) {
        Map<String, Object> f = meeting("CONVERSION_MEETING", on, vote(2, 2));
        f.put("decision", decision);
        if (months != null) {
            f.put("extensionMonths", months);
        }
        f.put("groupOpinion", "党小组意见");
        f.put("publicOpinion", "征求意见情况");
        return f;
    }
}
