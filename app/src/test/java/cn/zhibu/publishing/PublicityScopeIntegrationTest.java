package cn.zhibu.publishing;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 公示 across branches: branch A's secretary can neither read, comment on, withdraw nor publish for branch B, through
 * the API or the pages, and nothing of B's changes; a member of B does not see A's 公示; a 公示 is about a subject
 * of its own organization only (another branch's 发展党员 case, an id that does not exist and an unknown type are
 * refused alike).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Publicity2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired PublicityService publicity;
    @Autowired cn.zhibu.admission.AdmissionService admission;
    @LocalServerPort int port;

    Organization committee1;
    Organization branchA;
    Organization committee2;
    Organization branchB;
    long publicityA;
    long publicityB;
    long publicityOfCommittee2;
    long caseB;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee1 = data.committee("公示范围甲党委" + suffix);
        branchA = data.org(committee1.id(), "公示范围甲支部", OrganizationType.BRANCH);
        committee2 = data.committee("公示范围乙党委" + suffix);
        branchB = data.org(committee2.id(), "公示范围乙支部", OrganizationType.BRANCH);
        Member memberA = data.member(branchA.id(), "甲支部党员", MemberStatus.FULL);
        Member memberB = data.member(branchB.id(), "乙支部党员", MemberStatus.FULL);
        accounts.create("psecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("psecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("pselfA" + suffix, PASSWORD, "甲支部党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("pselfB" + suffix, PASSWORD, "乙支部党员", memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        caseB = applicant(branchB, "乙支部发展对象");

        ApiClient.Response b = api("psecB").post("/api/v1/publicity", about(branchB.id(), "乙支部秘密公示", caseB));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        publicityB = b.json().get("id").asLong();
        publicityA = api("psecA").post("/api/v1/publicity", draft(branchA.id(), "甲支部公示")).json().get("id").asLong();
        publicityOfCommittee2 = publicity.publish(SYSTEM, new PublicityDraft(committee2.id(), "乙党委公示", "内容",
                LocalDate.now(), 5, null, null)).id();
    }

    private long applicant(Organization branch, String name) {
        return admission.apply(SYSTEM, new cn.zhibu.admission.ApplicationForm(branch.id(), name,
                TestData.idNumber(LocalDate.of(2000, 3, 3), false), "汉族", cn.zhibu.member.Education.BACHELOR,
                cn.zhibu.member.Occupation.WORKER, null, null, LocalDate.now().minusDays(2))).id();
    }

    private static Map<String, Object> draft(long orgId, String title) {
        return Map.of("orgId", orgId, "title", title, "body", "公示内容", "startsOn", LocalDate.now().toString(),
                "workingDays", 5);
    }

    /** A 公示 about a 发展党员 case. */
    private static Map<String, Object> about(long orgId, String title, long caseId) {
        return about(orgId, title, "admission_case", caseId);
    }

    private static Map<String, Object> about(long orgId, String title, String subjectType, long subjectId) {
        return Map.of("orgId", orgId, "title", title, "body", "公示内容", "startsOn", LocalDate.now().toString(),
                "workingDays", 5, "subjectType", subjectType, "subjectId", subjectId);
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void branch_a_secretary_cannot_read_comment_on_withdraw_or_publish_for_branch_b_through_the_api() {
        ApiClient secA = api("psecA");
        for (String path : List.of("/api/v1/publicity/" + publicityB, "/api/v1/publicity/" + publicityB + "/comments",
                "/api/v1/publicity/" + publicityOfCommittee2)) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("乙支部秘密公示");
        }
        assertThat(secA.get("/api/v1/publicity?size=100").body()).doesNotContain("乙支部").doesNotContain("乙党委");
        assertThat(secA.get("/api/v1/publicity/by-subject?subjectType=admission_case&subjectId=" + caseB).json().size())
                .isZero();

        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/publicity", draft(branchB.id(), "越权发布")),
                secA.post("/api/v1/publicity", draft(committee2.id(), "越权发布")),
                secA.post("/api/v1/publicity/" + publicityB + "/comments", Map.of("text", "越权意见", "anonymous", false)),
                secA.post("/api/v1/publicity/" + publicityB + "/withdraw", Map.of("reason", "越权撤回")));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isIn(403, 404);
        }
        assertNothingChangedOnBranchB();
    }

    @Test
    void branch_a_secretary_cannot_reach_branch_b_through_any_page() {
        BrowserSession secA = pages("psecA");
        for (String path : List.of("/publicity/" + publicityB, "/publicity/" + publicityOfCommittee2,
                "/publicity/new?orgId=" + branchB.id())) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部秘密公示");
        }
        assertThat(secA.get("/publicity").body()).doesNotContain("乙支部秘密公示").doesNotContain("乙党委公示");
        assertThat(secA.post("/publicity", Map.of("orgId", Long.toString(branchB.id()), "title", "越权发布",
                "body", "内容", "startsOn", LocalDate.now().toString(), "workingDays", "5")).status()).isEqualTo(404);
        assertThat(secA.post("/publicity/" + publicityB + "/comments", Map.of("text", "越权意见")).status()).isEqualTo(404);
        assertThat(secA.post("/publicity/" + publicityB + "/withdraw", Map.of("reason", "越权撤回")).status()).isEqualTo(404);
        assertNothingChangedOnBranchB();
    }

    private void assertNothingChangedOnBranchB() {
        ApiClient secB = api("psecB");
        JsonNode b = secB.get("/api/v1/publicity/" + publicityB).json();
        assertThat(b.get("status").asString()).isEqualTo("公示中");
        assertThat(b.get("commentCount").asInt()).isZero();
        assertThat(b.has("withdrawnAt")).isFalse();
        assertThat(secB.get("/api/v1/publicity/" + publicityB + "/comments").json().size()).isZero();
        // branch B's secretary sees exactly the one 公示 of branch B: nothing was published for B by anyone else
        JsonNode list = secB.get("/api/v1/publicity?size=100").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(publicityB);
        assertThat(publicity.get(SYSTEM, publicityOfCommittee2).commentCount()).isZero();
    }

    @Test
    void a_member_of_branch_b_sees_branch_b_and_its_committee_never_branch_a() {
        ApiClient selfB = api("pselfB");
        JsonNode list = selfB.get("/api/v1/publicity?size=100").json();
        assertThat(list.get("items").findValuesAsString("title")).containsExactlyInAnyOrder("乙支部秘密公示", "乙党委公示");
        assertThat(selfB.get("/api/v1/publicity/" + publicityA).status()).isEqualTo(404);
        assertThat(selfB.post("/api/v1/publicity/" + publicityA + "/comments", Map.of("text", "看不到的公示")).status())
                .isEqualTo(404);
        assertThat(selfB.get("/api/v1/publicity/by-subject?subjectType=SCOPE_TEST&subjectId=8").json().size()).isZero();
        assertThat(pages("pselfB").get("/publicity").body()).contains("乙支部秘密公示").doesNotContain("甲支部公示");
        assertThat(pages("pselfB").get("/publicity/" + publicityA).status()).isEqualTo(404);
        // nor does a member of A see B's
        assertThat(api("pselfA").get("/api/v1/publicity?size=100").json().get("items").findValuesAsString("title"))
                .containsExactly("甲支部公示");
        assertThat(api("pselfA").get("/api/v1/publicity/" + publicityB).status()).isEqualTo(404);
    }

    @Test
    void a_member_comments_on_their_own_branch_but_neither_publishes_nor_withdraws() {
        ApiClient selfA = api("pselfA");
        assertThat(selfA.post("/api/v1/publicity", draft(branchA.id(), "党员发布")).status()).isEqualTo(403);
        assertThat(selfA.post("/api/v1/publicity/" + publicityA + "/withdraw", Map.of("reason", "党员撤回")).status())
                .isEqualTo(403);
        assertThat(pages("pselfA").get("/publicity/new").status()).isEqualTo(403);
        ApiClient.Response comment = selfA.post("/api/v1/publicity/" + publicityA + "/comments",
                Map.of("text", "甲支部党员的意见", "anonymous", false));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(selfA.get("/api/v1/publicity/" + publicityA + "/comments").json().findValuesAsString("text"))
                .containsExactly("甲支部党员的意见");
        JsonNode seenByManager = api("psecA").get("/api/v1/publicity/" + publicityA + "/comments").json();
        assertThat(seenByManager.findValuesAsString("authorName")).contains("甲支部党员");
        assertThat(api("psecA").get("/api/v1/publicity/" + publicityA).json().get("status").asString()).isEqualTo("公示中");
    }

    @Test
    void the_api_names_each_missing_or_wrong_field() {
        ApiClient secB = api("psecB");
        ApiClient.Response r = secB.post("/api/v1/publicity", Map.of("orgId", branchB.id(), "title", "只有标题"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").propertyNames()).contains("body", "startsOn", "workingDays");
        ApiClient.Response past = secB.post("/api/v1/publicity", Map.of("orgId", branchB.id(), "title", "标题",
                "body", "内容", "startsOn", LocalDate.now().minusDays(1).toString(), "workingDays", 5));
        assertThat(past.json().get("errors").get("startsOn").asString()).contains("不能早于今天");
        ApiClient.Response noReason = secB.post("/api/v1/publicity/" + publicityB + "/withdraw", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get("reason").asString()).isEqualTo("请填写撤回原因");
        assertThat(secB.get("/api/v1/publicity?status=SOON").status()).isEqualTo(400);
        assertNothingChangedOnBranchB();
    }

    @Test
    void a_subject_must_exist_in_the_callers_scope_and_belong_to_the_publishing_organization() {
        // a committee of its own with two branches, so that what is published here is seen by no other test's users
        Organization committee3 = data.committee("公示对象丙党委" + suffix);
        Organization branch3 = data.org(committee3.id(), "公示对象丙支部", OrganizationType.BRANCH);
        Organization sibling3 = data.org(committee3.id(), "公示对象丙二支部", OrganizationType.BRANCH);
        long case3 = applicant(branch3, "丙支部发展对象");
        accounts.create("psec3" + suffix, PASSWORD, "丙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branch3.id())));
        accounts.create("padm3" + suffix, PASSWORD, "丙党委组织员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee3.id())));
        ApiClient sec3 = api("psec3");

        ApiClient.Response othersCase = sec3.post("/api/v1/publicity", about(branch3.id(), "越权公示", caseB));
        ApiClient.Response noSuchCase = sec3.post("/api/v1/publicity", about(branch3.id(), "越权公示", 987_654_321L));
        for (ApiClient.Response r : List.of(othersCase, noSuchCase)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("errors").get("subjectId").asString()).isEqualTo("关联对象不存在或不在您的管理范围内");
            assertThat(r.body()).doesNotContain("乙支部");
        }
        assertThat(othersCase.body()).as("no oracle: another branch's case and no case answer alike")
                .isEqualTo(noSuchCase.body());
        ApiClient.Response unknown = sec3.post("/api/v1/publicity", about(branch3.id(), "公示", "SCOPE_TEST", 7));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get("subjectType").asString()).contains("不存在", "admission_case");
        // the committee above may publish about a case of its branch; a sibling branch's 公示 may not name it
        ApiClient adm3 = api("padm3");
        ApiClient.Response sibling = adm3.post("/api/v1/publicity", about(sibling3.id(), "兄弟支部公示", case3));
        assertThat(sibling.status()).isEqualTo(400);
        assertThat(sibling.json().get("errors").get("subjectId").asString()).contains("不属于发布公示的党组织");
        assertThat(adm3.post("/api/v1/publicity", about(committee3.id(), "党委公示", case3)).status()).isEqualTo(201);
        ApiClient.Response own = sec3.post("/api/v1/publicity", about(branch3.id(), "本支部公示", case3));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("subjectId").asLong()).isEqualTo(case3);
        assertNothingChangedOnBranchB();

        // the form of one who manages several organizations opens (it was a NullPointerException)
        BrowserSession.Page form = pages("padm3").get("/publicity/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("公示对象丙支部", "公示对象丙二支部");
    }

    @Test
    void the_publish_form_opens_for_those_who_manage_several_organizations() {
        for (String user : List.of("admin", "jgdw")) {
            BrowserSession.Page page = BrowserSession.loggedIn(port, user, "Zhibu@2026").get("/publicity/new");
            assertThat(page.status()).as(user).isEqualTo(200);
            assertThat(page.body()).as(user).contains("publicity-form").doesNotContain("出错了");
        }
    }

    @Test
    void the_owning_secretary_and_a_member_get_every_page_rendered() {
        BrowserSession secB = pages("psecB");
        for (String path : List.of("/publicity", "/publicity?status=OPEN", "/publicity/" + publicityB, "/publicity/new",
                "/publicity/new?orgId=" + branchB.id(), "/publicity/period?startsOn=2025-09-26&workingDays=5")) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
        assertThat(secB.get("/publicity/period?startsOn=2025-09-26&workingDays=5").body()).contains("2025-10-09");
        assertThat(secB.get("/publicity/" + publicityB).body()).contains("5 个工作日", "withdraw-form", "comment-form");
        BrowserSession selfB = pages("pselfB");
        BrowserSession.Page detail = selfB.get("/publicity/" + publicityB);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("comment-form").doesNotContain("withdraw-form");
    }
}
