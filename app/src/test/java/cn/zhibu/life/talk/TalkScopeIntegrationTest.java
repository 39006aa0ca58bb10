package cn.zhibu.life.talk;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.life.appraisal.AppraisalFixtures;
import cn.zhibu.member.Member;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.life.appraisal.AppraisalFixtures.secretaryScope;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 谈心谈话 across branches: branch A's secretary gets 404 from every talk endpoint and page of branch B and changes
 * nothing; a member of A sees their own talks only and cannot record one in B.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalkScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Talks2026";

    @Autowired AppraisalFixtures fixtures;
    @Autowired TalkService talks;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    AppraisalFixtures.Branch a;
    AppraisalFixtures.Branch b;
    Talk talkB;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        a = fixtures.branch("谈话范围甲", 3, 0);
        b = fixtures.branch("谈话范围乙", 3, 0);
        talkB = talks.record(secretaryScope(b.org()), new TalkDraft(b.org().id(), b.full().get(0).id(),
                b.full().get(1).id(), LocalDate.now(), "乙支部的秘密谈话", null));
        accounts.create("tsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, a.org().id())));
        accounts.create("tsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, b.org().id())));
        Member memberA = a.full().get(0);
        accounts.create("tselfA" + suffix, PASSWORD, memberA.name(), memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private Map<String, Object> draftIn(AppraisalFixtures.Branch branch) {
        return Map.of("orgId", branch.org().id(), "memberId", branch.full().get(0).id(),
                "otherId", branch.full().get(2).id(), "heldOn", LocalDate.now().toString(), "topic", "越权记录");
    }

    @Test
    void branch_a_secretary_gets_404_from_every_talk_endpoint_and_page_of_branch_b() {
        ApiClient secA = api("tsecA");
        for (String path : List.of("/api/v1/life/talks/" + talkB.id(), "/api/v1/life/talks?orgId=" + b.org().id(),
                "/api/v1/life/talks/coverage?orgId=" + b.org().id())) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("秘密谈话");
        }
        assertThat(secA.get("/api/v1/life/talks?size=100").body()).doesNotContain("秘密谈话");
        assertThat(secA.post("/api/v1/life/talks", draftIn(b)).status()).isEqualTo(404);
        assertThat(secA.delete("/api/v1/life/talks/" + talkB.id()).status()).isEqualTo(404);

        BrowserSession pagesA = pages("tsecA");
        assertThat(pagesA.get("/life/talks?orgId=" + b.org().id()).status()).isEqualTo(404);
        assertThat(pagesA.get("/life/talks").body()).doesNotContain("秘密谈话");
        assertThat(pagesA.post("/life/talks/" + talkB.id() + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(pagesA.post("/life/talks", Map.of("orgId", Long.toString(b.org().id()),
                "memberId", Long.toString(b.full().get(0).id()), "otherId", Long.toString(b.full().get(2).id()),
                "heldOn", LocalDate.now().toString(), "topic", "越权记录")).status()).isEqualTo(404);
        assertNothingChangedOnBranchB();
    }

    @Test
    void a_member_of_branch_a_sees_only_their_talks_and_cannot_record_in_branch_b() {
        ApiClient selfA = api("tselfA");
        assertThat(selfA.get("/api/v1/life/talks/" + talkB.id()).status()).isEqualTo(404);
        assertThat(selfA.post("/api/v1/life/talks", draftIn(b)).status()).isEqualTo(404);
        assertThat(selfA.get("/api/v1/life/talks/coverage?orgId=" + a.org().id()).status()).isEqualTo(404);
        ApiClient.Response own = selfA.post("/api/v1/life/talks", Map.of("otherId", a.full().get(1).id(),
                "heldOn", LocalDate.now().toString(), "topic", "我与同志的谈心"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(selfA.get("/api/v1/life/talks?size=100").json().get("items").findValuesAsString("topic"))
                .containsExactly("我与同志的谈心");
        assertThat(pages("tselfA").get("/life/talks").body()).contains("我与同志的谈心", "talk-form").doesNotContain("秘密谈话");
        assertNothingChangedOnBranchB();
    }

    @Test
    void the_api_names_each_missing_or_wrong_field() {
        ApiClient secB = api("tsecB");
        ApiClient.Response r = secB.post("/api/v1/life/talks", Map.of("orgId", b.org().id()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsKeys("memberId", "otherId", "heldOn", "topic");
        assertThat(secB.get("/api/v1/life/talks/coverage?orgId=" + b.org().id() + "&year=99999").status()).isEqualTo(400);
        assertThat(secB.get("/api/v1/life/talks/coverage?orgId=" + b.org().id()).json().get("talks").asInt()).isEqualTo(1);
        BrowserSession.Page refused = pages("tsecB").post("/life/talks", Map.of("orgId", Long.toString(b.org().id()),
                "heldOn", LocalDate.now().toString(), "topic", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("请填写谈话主题", "请选择谈话的一方", "aria-invalid=\"true\"");
        BrowserSession.Page page = pages("tsecB").get("/life/talks");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("秘密谈话", "coverage", "no-committee", "talk-form");
        assertNothingChangedOnBranchB();
    }

    private void assertNothingChangedOnBranchB() {
        TalkPage inB = talks.list(SYSTEM, b.org().id(), null, 0, 100);
        assertThat(inB.items()).extracting(Talk::id).containsExactly(talkB.id());
    }
}
