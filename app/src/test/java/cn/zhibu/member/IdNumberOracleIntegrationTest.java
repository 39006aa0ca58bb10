package cn.zhibu.member;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.IdNumberHits;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 身份证号 duplicate checks are no oracle (issue 11): a secretary of branch A who enters numbers held in branch B
 * — a member, a deceased or expelled member, an open 发展党员 case — learns only "registered elsewhere", and only
 * when the rest of the request is valid; every hit is audited under B; hits elsewhere are limited per hour.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdNumberOracleIntegrationTest {

    private static final String PASSWORD = "Oracle@Test2026";
    private static final String ELSEWHERE = IdNumberUse.ELSEWHERE;
    private static final String APPLICANT_ELSEWHERE = IdNumberUse.APPLICANT.elsewhere();

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired AdmissionService admission;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    String suffix;
    Organization branchA;
    Organization branchB;
    Member memberA;
    String memberAId;
    Member memberB;
    String memberBId;
    String deceasedAId;
    Archived deceasedB;
    String deceasedBId;
    String expelledBId;
    AdmissionCase caseA;
    AdmissionCase caseB;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committeeA = data.committee("查重甲党委" + suffix);
        branchA = data.org(committeeA.id(), "查重甲支部", OrganizationType.BRANCH);
        Organization committeeB = data.committee("查重乙党委" + suffix);
        branchB = data.org(committeeB.id(), "查重乙秘密支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "甲支部党员", MemberStatus.FULL);
        memberAId = members.open(SYSTEM, memberA.id()).idNumber();
        memberB = data.member(branchB.id(), "乙支部秘密党员", MemberStatus.FULL);
        memberBId = members.open(SYSTEM, memberB.id()).idNumber();
        deceasedAId = archived(branchA, "甲支部已故党员", StatusChangeKind.DECEASE).idNumber();
        deceasedB = archived(branchB, "乙支部已故党员", StatusChangeKind.DECEASE);
        deceasedBId = deceasedB.idNumber();
        expelledBId = archived(branchB, "乙支部开除党员", StatusChangeKind.EXPEL).idNumber();
        caseA = apply(branchA, "甲支部申请人");
        caseB = apply(branchB, "乙支部秘密申请人");
        accounts.create("osecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("oadmA" + suffix, PASSWORD, "甲党委组织员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committeeA.id())));
        accounts.create("othr" + suffix, PASSWORD, "甲支部试探者", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("othrpage" + suffix, PASSWORD, "甲支部表单试探者", null,
                List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
    }

    /** A member taken out of the registry (deceased, expelled): their record id and number. */
    private record Archived(long id, String idNumber) {
    }

    private Archived archived(Organization branch, String name, StatusChangeKind kind) {
        Member m = data.member(branch.id(), name, MemberStatus.FULL);
        String id = members.open(SYSTEM, m.id()).idNumber();
        membership.change(SYSTEM, m.id(), new StatusChange(kind, LocalDate.now().minusDays(3), "测试", "文号",
                "上级党委"));
        return new Archived(m.id(), id);
    }

    private AdmissionCase apply(Organization branch, String name) {
        AdmissionCase c = admission.apply(SYSTEM, new ApplicationForm(branch.id(), name,
                TestData.idNumber(LocalDate.of(2001, 5, 5), true), "汉族", Education.BACHELOR, Occupation.WORKER, null,
                null, LocalDate.now().minusDays(5)));
        return admission.get(SYSTEM, c.id());
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    /** A valid member form for branch A with the given number (birth date and gender follow from it). */
    private Map<String, Object> memberForm(String idNumber) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("orgId", branchA.id());
        f.put("name", "新录入");
        f.put("ethnicity", "汉族");
        f.put("idNumber", idNumber);
        f.put("education", "BACHELOR");
        f.put("occupation", "CIVIL_SERVANT");
        f.put("status", "FULL");
        f.put("joinedOn", "2012-07-01");
        f.put("convertedOn", "2013-07-01");
        return f;
    }

    private Map<String, Object> application(String idNumber) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("orgId", branchA.id());
        f.put("name", "新申请人");
        f.put("idNumber", idNumber);
        f.put("ethnicity", "汉族");
        f.put("education", "BACHELOR");
        f.put("occupation", "WORKER");
        f.put("appliedOn", LocalDate.now().toString());
        return f;
    }

    private static Map<String, Object> without(Map<String, Object> form, String field) {
        Map<String, Object> copy = new HashMap<>(form);
        copy.remove(field);
        return copy;
    }

    private long hitsRecorded(String entityType, long entityId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and entity_type = ? and entity_id = ?")
                .params(IdNumberHits.ACTION, entityType, Long.toString(entityId)).query(Long.class).single();
    }

    /** What the caller may learn of branch B in an answer: nothing. */
    private static void revealsNothingOfB(ApiClient.Response r) {
        assertThat(r.body()).doesNotContain("乙", "去世", "出党", "开除", "停止党籍", "发展党员记录", "秘密");
    }

    @Test
    void an_invalid_request_with_a_registered_number_says_nothing_about_the_number() {
        ApiClient secA = api("osecA");
        long before = hitsRecorded("member", memberB.id()) + hitsRecorded("member", deceasedB.id())
                + hitsRecorded("admission_case", caseB.id());
        List<ApiClient.Response> invalid = List.of(
                secA.post("/api/v1/members", without(memberForm(memberBId), "name")),
                secA.post("/api/v1/members", without(memberForm(deceasedBId), "education")),
                secA.post("/api/v1/member-inbounds", Map.of("member", memberForm(memberBId),
                        "letter", Map.of("fromOrg", "外省某党委"))),
                secA.post("/api/v1/admission/cases", without(application(caseB.idNumber()), "appliedOn")),
                secA.post("/api/v1/admission/cases", without(application(memberBId), "occupation")));
        for (ApiClient.Response r : invalid) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").has("idNumber")).as(r.body()).isFalse();
            assertThat(r.body()).doesNotContain("已登记", "其他党组织");
            revealsNothingOfB(r);
        }
        // the form answers the same: the other fields' reasons, nothing about the number
        BrowserSession.Page page = BrowserSession.loggedIn(port, "osecA" + suffix, PASSWORD).post("/members",
                strings(without(memberForm(memberBId), "name")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("请填写姓名").doesNotContain("已登记", "其他党组织");
        assertThat(hitsRecorded("member", memberB.id()) + hitsRecorded("member", deceasedB.id())
                + hitsRecorded("admission_case", caseB.id())).as("an invalid request never reaches the lookup")
                .isEqualTo(before);
    }

    @Test
    void a_number_in_the_callers_scope_is_named_and_one_elsewhere_is_only_registered_elsewhere() {
        ApiClient secA = api("osecA");
        assertThat(idError(secA.post("/api/v1/members", memberForm(memberAId)))).contains("已登记为党员");
        assertThat(idError(secA.post("/api/v1/members", memberForm(deceasedAId)))).contains("已登记去世");
        for (String id : List.of(memberBId, deceasedBId, expelledBId)) {
            ApiClient.Response r = secA.post("/api/v1/members", memberForm(id));
            assertThat(idError(r)).isEqualTo(ELSEWHERE);
            revealsNothingOfB(r);
            ApiClient.Response inbound = secA.post("/api/v1/member-inbounds", Map.of("member", memberForm(id),
                    "letter", Map.of("fromOrg", "外省某党委", "letterNo", "外转字第1号")));
            assertThat(idError(inbound)).isEqualTo(ELSEWHERE);
            revealsNothingOfB(inbound);
        }
        // an edit that gives a member another's number is answered the same way
        Member edited = data.member(branchA.id(), "甲支部被修改者", MemberStatus.FULL);
        Map<String, Object> changed = memberForm(memberBId);
        changed.put("name", edited.name());
        ApiClient.Response r = secA.put("/api/v1/members/" + edited.id(),
                Map.of("version", edited.version(), "member", changed));
        assertThat(idError(r)).isEqualTo(ELSEWHERE);
        // the form shows the answer where the number was entered
        BrowserSession.Page page = BrowserSession.loggedIn(port, "osecA" + suffix, PASSWORD).post("/members",
                strings(memberForm(deceasedBId)));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(ELSEWHERE).doesNotContain("去世", "乙秘密");
        assertThat(members.search(SYSTEM, new MemberSearch(branchA.id(), "新录入", null, null, null, null, null, null,
                0, 10, null)).items()).isEmpty();
    }

    @Test
    void an_application_whose_number_has_a_case_or_a_member_elsewhere_gets_the_generic_text() {
        ApiClient secA = api("osecA");
        assertThat(idError(secA.post("/api/v1/admission/cases", application(caseA.idNumber()))))
                .contains("已有正在进行的发展党员记录");
        assertThat(idError(secA.post("/api/v1/admission/cases", application(memberAId)))).contains("已登记为党员");
        for (String id : List.of(caseB.idNumber(), memberBId, deceasedBId)) {
            ApiClient.Response r = secA.post("/api/v1/admission/cases", application(id));
            assertThat(idError(r)).isEqualTo(APPLICANT_ELSEWHERE);
            revealsNothingOfB(r);
        }
        BrowserSession form = BrowserSession.loggedIn(port, "osecA" + suffix, PASSWORD);
        BrowserSession.Page posted = form.post("/admission", strings(application(caseB.idNumber())));
        assertThat(posted.status()).isEqualTo(302);
        BrowserSession.Page shown = form.get(posted.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.body()).contains(APPLICANT_ELSEWHERE).doesNotContain("乙支部秘密申请人");
    }

    @Test
    void every_hit_is_audited_under_the_records_organization_and_the_caller_does_not_see_it() {
        ApiClient admA = api("oadmA");
        long before = hitsRecorded("member", deceasedB.id());
        assertThat(idError(admA.post("/api/v1/members", memberForm(deceasedBId)))).isEqualTo(ELSEWHERE);
        assertThat(idError(admA.post("/api/v1/members", memberForm(memberAId)))).contains("已登记为党员");
        assertThat(hitsRecorded("member", deceasedB.id())).isEqualTo(before + 1);
        Map<String, Object> entry = jdbc.sql("""
                        select actor_name, org_path, after_json from audit_log where action = ? and entity_type = 'member'
                          and entity_id = ? order by at desc limit 1""")
                .params(IdNumberHits.ACTION, Long.toString(deceasedB.id())).query().singleRow();
        assertThat(entry.get("actor_name")).isEqualTo("甲党委组织员");
        assertThat(entry.get("org_path")).isEqualTo(branchB.path().value());
        assertThat((String) entry.get("after_json")).contains("党员.录入", "\"withinCallerScope\":false")
                .doesNotContain(deceasedBId);
        assertThat(hitsRecorded("member", memberA.id())).isPositive();
        // the caller's own audit view holds their in-scope hit, never the one of branch B
        String seen = admA.get("/api/v1/audit?type=member").body();
        assertThat(seen).contains(IdNumberHits.ACTION).doesNotContain(branchB.path().value());
    }

    @Test
    void the_21st_hit_elsewhere_within_an_hour_is_a_429_and_hits_in_scope_do_not_count() {
        ApiClient thr = api("othr");
        List<String> elsewhere = List.of(memberBId, deceasedBId, expelledBId);
        for (int i = 0; i < 20; i++) {
            ApiClient.Response r = thr.post("/api/v1/members", memberForm(elsewhere.get(i % 3)));
            assertThat(r.status()).as("hit " + (i + 1)).isEqualTo(400);
            assertThat(idError(r)).isEqualTo(ELSEWHERE);
        }
        ApiClient.Response limited = thr.post("/api/v1/admission/cases", application(caseB.idNumber()));
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).contains("超过20次", "请稍后再试");
        revealsNothingOfB(limited);
        // a number of the caller's own branch is still answered: it tells them nothing they cannot read
        assertThat(idError(thr.post("/api/v1/members", memberForm(memberAId)))).contains("已登记为党员");
        // the counts are in the database: another user is not limited, and the limited one stays limited
        assertThat(api("osecA").post("/api/v1/members", memberForm(memberBId)).status()).isEqualTo(400);
        assertThat(thr.post("/api/v1/members", memberForm(memberBId)).status()).isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from audit_log where action = ? and actor_name = '甲支部试探者'")
                .param(IdNumberHits.ACTION).query(Long.class).single()).as("the refused hits are audited too")
                .isEqualTo(23);
    }

    @Test
    void the_form_shows_the_limit_where_the_number_was_entered() {
        BrowserSession pages = BrowserSession.loggedIn(port, "othrpage" + suffix, PASSWORD);
        for (int i = 0; i < 20; i++) {
            assertThat(pages.post("/members", strings(memberForm(memberBId))).body()).contains(ELSEWHERE);
        }
        BrowserSession.Page limited = pages.post("/members", strings(memberForm(memberBId)));
        assertThat(limited.status()).isEqualTo(200);
        assertThat(limited.body()).contains("超过20次").doesNotContain(ELSEWHERE);
    }

    private static String idError(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isIn(400, 429);
        assertThat(r.json().get("errors").has("idNumber")).as(r.body()).isTrue();
        return r.json().get("errors").get("idNumber").asString();
    }

    private static Map<String, String> strings(Map<String, Object> form) {
        Map<String, String> s = new LinkedHashMap<>();
        form.forEach((k, v) -> s.put(k, String.valueOf(v)));
        return s;
    }
}
