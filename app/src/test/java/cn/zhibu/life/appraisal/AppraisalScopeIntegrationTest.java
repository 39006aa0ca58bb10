package cn.zhibu.life.appraisal;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 民主评议 across branches: branch A's secretary gets 404 from every appraisal endpoint and page of branch B, and
 * nothing of B's changes; a member of A can neither see nor vote in B's appraisal; the owning secretary and member get
 * every page rendered.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppraisalScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Appraisal2026";

    @Autowired AppraisalFixtures fixtures;
    @Autowired AppraisalService appraisals;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    AppraisalFixtures.Branch a;
    AppraisalFixtures.Branch b;
    Appraisal appraisalA;
    Appraisal appraisalB;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        a = fixtures.branch("评议范围甲", 3, 0);
        b = fixtures.branch("评议范围乙", 3, 1);
        appraisalA = fixtures.openAt(a, AppraisalStage.BALLOT);
        appraisalB = fixtures.openAt(b, AppraisalStage.BALLOT);
        accounts.create("asecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, a.org().id())));
        accounts.create("asecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, b.org().id())));
        Member memberA = a.full().get(0);
        Member memberB = b.probationary().get(0);
        accounts.create("aselfA" + suffix, PASSWORD, memberA.name(), memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("aselfB" + suffix, PASSWORD, memberB.name(), memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private Map<String, Object> ballotOf(AppraisalFixtures.Branch branch) {
        return Map.of("grades", branch.full().stream().map(m -> Map.of("memberId", (Object) m.id(), "grade", "QUALIFIED")).toList());
    }

    @Test
    void branch_a_secretary_gets_404_from_every_appraisal_endpoint_of_branch_b_and_nothing_changes() {
        ApiClient secA = api("asecA");
        String base = "/api/v1/life/appraisals/" + appraisalB.id();
        for (String path : List.of(base, base + "/participants", base + "/self-assessments", base + "/reviews",
                base + "/ballot", base + "/results", base + "/grades", base + "/meetings")) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("评议范围乙");
        }
        assertThat(secA.get("/api/v1/life/appraisals?size=100").body()).doesNotContain("评议范围乙");
        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/life/appraisals", Map.of("orgId", b.org().id(), "year", LocalDate.now().getYear() - 1)),
                secA.post(base + "/stages/BALLOT/close", Map.of()),
                secA.post(base + "/stages/GRADING/open", Map.of()),
                secA.put(base + "/self-assessment", Map.of("text", "越权自评")),
                secA.put(base + "/reviews/" + b.full().get(0).id(), Map.of("text", "越权互评")),
                secA.post(base + "/ballot", ballotOf(b)),
                secA.post(base + "/grades", Map.of("proposedBy", "GENERAL_ASSEMBLY", "heldOn", LocalDate.now().toString())));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
        assertNothingChangedOnBranchB();
    }

    @Test
    void branch_a_secretary_gets_404_from_every_appraisal_page_of_branch_b() {
        BrowserSession secA = pages("asecA");
        String base = "/life/appraisals/" + appraisalB.id();
        for (String path : List.of(base, base + "/self", base + "/reviews", base + "/ballot", base + "/grades",
                "/life/appraisals/new?orgId=" + b.org().id())) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("评议范围乙");
        }
        assertThat(secA.get("/life/appraisals").body()).doesNotContain("评议范围乙");
        for (Map.Entry<String, Map<String, String>> post : Map.of(
                "/life/appraisals", Map.of("orgId", Long.toString(b.org().id()), "year", Integer.toString(LocalDate.now().getYear() - 1)),
                base + "/stages/BALLOT/close", Map.<String, String>of(),
                base + "/self", Map.of("text", "越权"),
                base + "/reviews", Map.of("subjectId", Long.toString(b.full().get(0).id()), "text", "越权"),
                base + "/ballot", Map.of("g-" + b.full().get(0).id(), "EXCELLENT", "confirmed", "true"),
                base + "/grades", Map.of("proposedBy", "GENERAL_ASSEMBLY", "confirmed", "true")).entrySet()) {
            assertThat(secA.post(post.getKey(), post.getValue()).status()).as(post.getKey()).isEqualTo(404);
        }
        assertNothingChangedOnBranchB();
    }

    @Test
    void a_member_of_branch_a_can_neither_see_nor_vote_in_branch_b() {
        ApiClient selfA = api("aselfA");
        String base = "/api/v1/life/appraisals/" + appraisalB.id();
        assertThat(selfA.get(base).status()).isEqualTo(404);
        assertThat(selfA.get(base + "/ballot").status()).isEqualTo(404);
        assertThat(selfA.post(base + "/ballot", ballotOf(b)).status()).isEqualTo(404);
        assertThat(pages("aselfA").post("/life/appraisals/" + appraisalB.id() + "/ballot",
                Map.of("g-" + b.full().get(0).id(), "EXCELLENT", "confirmed", "true")).status()).isEqualTo(404);
        assertThat(selfA.get("/api/v1/life/appraisals?size=100").json().get("items").findValuesAsString("orgName"))
                .containsExactly(a.org().name());
        // in its own branch the member votes, but neither runs the stages nor reads the turnout
        assertThat(selfA.post("/api/v1/life/appraisals/" + appraisalA.id() + "/ballot", ballotOf(a)).status()).isEqualTo(204);
        assertThat(selfA.post("/api/v1/life/appraisals/" + appraisalA.id() + "/stages/BALLOT/close", Map.of()).status())
                .isEqualTo(403);
        assertThat(selfA.get("/api/v1/life/appraisals/" + appraisalA.id() + "/participants").status()).isEqualTo(403);
        assertThat(selfA.post("/api/v1/life/appraisals", Map.of("orgId", a.org().id(), "year", LocalDate.now().getYear()))
                .status()).isEqualTo(403);
        assertNothingChangedOnBranchB();
    }

    private void assertNothingChangedOnBranchB() {
        Appraisal now = appraisals.get(SYSTEM, appraisalB.id());
        assertThat(now.openStage()).contains(AppraisalStage.BALLOT);
        assertThat(now.voted()).isZero();
        assertThat(now.selfAssessed()).isZero();
        assertThat(appraisals.list(SYSTEM, LocalDate.now().getYear() - 1, 0, 100).items())
                .noneMatch(x -> x.orgId() == b.org().id());
        assertThat(jdbc.sql("select count(*) from life_appraisal_review where appraisal_id = ?").param(appraisalB.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from life_appraisal_tally where appraisal_id = ? and (excellent + qualified + basic + unqualified) > 0")
                .param(appraisalB.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void the_owning_secretary_and_a_member_get_every_page_rendered() {
        BrowserSession secB = pages("asecB");
        String base = "/life/appraisals/" + appraisalB.id();
        for (String path : List.of("/life/appraisals", "/life/appraisals?year=" + LocalDate.now().getYear(),
                "/life/appraisals/new", base, base + "/grades", base + "/reviews", base + "/self")) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
        assertThat(secB.get(base).body()).contains("participant-table", "results-hidden", "close-stage");
        BrowserSession selfB = pages("aselfB");
        for (String path : List.of("/life/appraisals", base, base + "/ballot", base + "/self", base + "/reviews")) {
            BrowserSession.Page page = selfB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
        assertThat(selfB.get(base).body()).contains("ballot-link").doesNotContain("participant-table");
        assertThat(selfB.get(base + "/ballot").body()).contains("ballot-form");
        assertThat(selfB.get(base + "/grades").status()).isEqualTo(403);
    }
}
