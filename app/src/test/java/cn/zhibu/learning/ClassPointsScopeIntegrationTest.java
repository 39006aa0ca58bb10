package cn.zhibu.learning;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.learning.points.PointsEntry;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classes and points across branches: branch A's secretary and a member of A reach nothing of branch B through any
 * endpoint (404, or 403 for a write they may never make), and nothing of B changes; a member sees only their own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassPointsScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Classes2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired ClassService classes;
    @Autowired PointsService points;
    @LocalServerPort int port;

    String suffix;
    Organization branchA;
    Organization branchB;
    Member memberA;
    Member memberB;
    TrainingClass classB;
    ClassSession sessionB;
    PointsEntry entryB;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        branchA = data.org(data.committee("培训范围甲党委" + suffix).id(), "培训范围甲支部", OrganizationType.BRANCH);
        branchB = data.org(data.committee("培训范围乙党委" + suffix).id(), "培训范围乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "培训范围甲党员", MemberStatus.FULL);
        memberB = data.member(branchB.id(), "培训范围乙党员", MemberStatus.FULL);
        accounts.create("ssecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("sselfA" + suffix, PASSWORD, "培训范围甲党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        LocalDate today = LocalDate.now(PlatformClock.ZONE);
        classB = classes.open(SYSTEM, new ClassDraft(branchB.id(), "乙支部秘密培训班", null, today.minusDays(3), today, true));
        sessionB = classes.addSession(SYSTEM, classB.id(), new SessionDraft("乙支部课次", today.minusDays(1).atTime(9, 0),
                today.minusDays(1).atTime(12, 0), null, null));
        classes.enrol(SYSTEM, classB.id(), List.of(memberB.id()));
        entryB = points.deduct(SYSTEM, memberB.id(), 2, "乙支部扣分");
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void branch_a_secretary_reaches_nothing_of_branch_b() {
        ApiClient secA = api("ssecA");
        String c = "/api/v1/learning/classes/" + classB.id();
        String s = "/api/v1/learning/classes/sessions/" + sessionB.id();
        for (String path : List.of(c, c + "/enrolments", s + "/attendance", s + "/code?purpose=IN",
                "/api/v1/learning/points/members/" + memberB.id())) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("乙支部秘密培训班").doesNotContain("乙支部扣分");
        }
        assertThat(secA.get("/api/v1/learning/classes?size=100").body()).doesNotContain("乙支部秘密培训班");
        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/learning/classes", Map.of("orgId", branchB.id(), "title", "越权开班",
                        "startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().toString())),
                secA.post(c + "/sessions", Map.of("title", "越权课次", "startsAt", "2026-01-01T09:00:00",
                        "endsAt", "2026-01-01T10:00:00")),
                secA.post(c + "/enrolments", Map.of("memberIds", List.of(memberA.id()))),
                secA.delete(c + "/enrolments/" + memberB.id()),
                secA.post(s + "/attendance", Map.of("memberId", memberB.id(), "reason", "越权登记")),
                secA.post(s + "/import-meeting", Map.of()),
                secA.post("/api/v1/learning/points/deductions", Map.of("memberId", memberB.id(), "points", 5,
                        "reason", "越权扣分")),
                secA.post("/api/v1/learning/points/rewards", Map.of("memberId", memberB.id(), "points", 5,
                        "reason", "越权奖励")),
                secA.post("/api/v1/learning/points/entries/" + entryB.id() + "/reverse", Map.of("reason", "越权冲正")));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isIn(403, 404);
        }
        // and A's secretary cannot enrol B's member in A's own class
        TrainingClass classA = classes.open(SYSTEM, new ClassDraft(branchA.id(), "甲支部培训班", null,
                LocalDate.now(PlatformClock.ZONE), LocalDate.now(PlatformClock.ZONE), true));
        ApiClient.Response foreign = secA.post("/api/v1/learning/classes/" + classA.id() + "/enrolments",
                Map.of("memberIds", List.of(memberB.id())));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errors()).containsKey("memberIds");
        assertNothingChangedOnBranchB();
    }

    @Test
    void a_member_of_branch_a_sees_only_their_own() {
        ApiClient selfA = api("sselfA");
        for (String path : List.of("/api/v1/learning/classes/" + classB.id(), "/api/v1/learning/classes/mine/" + classB.id(),
                "/api/v1/learning/points/members/" + memberB.id(),
                "/api/v1/learning/classes/sessions/" + sessionB.id() + "/attendance")) {
            assertThat(selfA.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(selfA.get("/api/v1/learning/classes?size=100").json().get("total").asInt()).isZero();
        assertThat(selfA.get("/api/v1/learning/classes/mine").json().size()).isZero();
        ApiClient.Response mine = selfA.get("/api/v1/learning/points/me");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("total").asInt()).isEqualTo(20);
        assertThat(selfA.post("/api/v1/learning/points/deductions", Map.of("memberId", memberA.id(), "points", 1,
                "reason", "自己扣分")).status()).isEqualTo(404);
        assertThat(selfA.post("/api/v1/learning/classes", Map.of("orgId", branchA.id(), "title", "党员开班")).status())
                .isEqualTo(403);
        assertThat(selfA.get("/api/v1/learning/points/leaderboard?orgId=" + branchA.id()).status()).isEqualTo(403);
        assertNothingChangedOnBranchB();
    }

    private void assertNothingChangedOnBranchB() {
        assertThat(classes.sessions(SYSTEM, classB.id())).hasSize(1);
        assertThat(classes.enrolments(SYSTEM, classB.id())).singleElement()
                .satisfies(e -> assertThat(e.attendedHours()).isZero());
        assertThat(classes.sheet(SYSTEM, sessionB.id()).rows()).allSatisfy(r -> assertThat(r.checkedIn()).isFalse());
        var year = points.of(SYSTEM, memberB.id(), LocalDate.now(PlatformClock.ZONE).getYear());
        assertThat(year.entries()).hasSize(1);
        assertThat(year.base()).isEqualTo(18);
    }
}
