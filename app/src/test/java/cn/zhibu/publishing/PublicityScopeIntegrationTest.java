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
 * the API or the pages, and nothing of B's changes; a member of B does not see A's 公示.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Publicity2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired PublicityService publicity;
    @LocalServerPort int port;

    Organization committee1;
    Organization branchA;
    Organization committee2;
    Organization branchB;
    long publicityA;
    long publicityB;
    long publicityOfCommittee2;
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

        ApiClient.Response b = api("psecB").post("/api/v1/publicity", draft(branchB.id(), "乙支部秘密公示", 7));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        publicityB = b.json().get("id").asLong();
        publicityA = api("psecA").post("/api/v1/publicity", draft(branchA.id(), "甲支部公示", 8)).json().get("id").asLong();
        publicityOfCommittee2 = publicity.publish(SYSTEM, new PublicityDraft(committee2.id(), "乙党委公示", "内容",
                LocalDate.now(), 5, null, null)).id();
    }

    private static Map<String, Object> draft(long orgId, String title, long subjectId) {
        return Map.of("orgId", orgId, "title", title, "body", "公示内容", "startsOn", LocalDate.now().toString(),
                "workingDays", 5, "subjectType", "SCOPE_TEST", "subjectId", subjectId);
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
        assertThat(secA.get("/api/v1/publicity/by-subject?subjectType=SCOPE_TEST&subjectId=7").json().size()).isZero();

        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/publicity", draft(branchB.id(), "越权发布", 9)),
                secA.post("/api/v1/publicity", draft(committee2.id(), "越权发布", 9)),
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
        assertThat(selfA.post("/api/v1/publicity", draft(branchA.id(), "党员发布", 10)).status()).isEqualTo(403);
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
