package cn.zhibu.learning.hours;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 学时 across branches: branch A's secretary can neither read branch B's member's hours or transcript nor record a
 * training for them, through the API or the pages (404, nothing written); a member sees only their own; a member
 * cannot record their own training; the public check of a transcript says genuine, altered or unknown.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoursScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Hours2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired Transcripts transcripts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Member memberA;
    Member memberB;
    String suffix;
    int year;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        year = LocalDate.now().getYear();
        Organization committee1 = data.committee("学时范围甲党委" + suffix);
        Organization branchA = data.org(committee1.id(), "学时范围甲支部", OrganizationType.BRANCH);
        Organization committee2 = data.committee("学时范围乙党委" + suffix);
        Organization branchB = data.org(committee2.id(), "学时范围乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "甲支部学员", MemberStatus.FULL);
        memberB = data.member(branchB.id(), "乙支部学员", MemberStatus.FULL);
        accounts.create("hsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("hsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("hselfA" + suffix, PASSWORD, "甲支部学员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("hselfB" + suffix, PASSWORD, "乙支部学员", memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private Map<String, Object> training(long memberId) {
        return Map.of("memberId", memberId, "title", "党校培训", "trainedOn", LocalDate.now().toString(),
                "hours", 8, "place", "市委党校", "concentrated", true);
    }

    private long externals(long memberId) {
        return jdbc.sql("select count(*) from study_external where member_id = ?").param(memberId)
                .query(Long.class).single();
    }

    @Test
    void branch_a_secretary_cannot_reach_branch_b_member_through_the_api() {
        ApiClient secA = api("hsecA");
        assertThat(secA.get("/api/v1/learning/hours?memberId=" + memberB.id()).status()).isEqualTo(404);
        assertThat(secA.download("/api/v1/learning/transcript/" + year + "?memberId=" + memberB.id()).status())
                .isEqualTo(404);
        ApiClient.Response refused = secA.post("/api/v1/learning/hours/external", training(memberB.id()));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain(memberB.name());
        assertThat(externals(memberB.id())).isZero();

        ApiClient.Response ok = secA.post("/api/v1/learning/hours/external", training(memberA.id()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(secA.get("/api/v1/learning/hours?memberId=" + memberA.id()).json().get("hours").decimalValue())
                .isEqualByComparingTo("8");
    }

    @Test
    void branch_a_secretary_cannot_reach_branch_b_member_through_any_page() {
        BrowserSession secA = pages("hsecA");
        for (String path : List.of("/learning/hours?member=" + memberB.id(),
                "/learning/hours/external/new?member=" + memberB.id(),
                "/learning/transcript/" + year + ".pdf?member=" + memberB.id())) {
            assertThat(secA.get(path).status()).as(path).isEqualTo(404);
        }
        BrowserSession.Page posted = secA.post("/learning/hours/external", Map.of("memberId", "" + memberB.id(),
                "title", "伪造培训", "trainedOn", LocalDate.now().toString(), "hours", "5", "place", "某地"));
        assertThat(posted.status()).isEqualTo(404);
        assertThat(externals(memberB.id())).isZero();
        assertThat(secA.get("/learning/hours?member=" + memberA.id()).status()).isEqualTo(200);
    }

    @Test
    void a_member_sees_only_their_own_hours_and_cannot_record_a_training() {
        ApiClient selfB = api("hselfB");
        assertThat(selfB.get("/api/v1/learning/hours").status()).isEqualTo(200);
        assertThat(selfB.get("/api/v1/learning/hours?memberId=" + memberA.id()).status()).isEqualTo(404);
        assertThat(selfB.post("/api/v1/learning/hours/external", training(memberB.id())).status()).isEqualTo(404);
        assertThat(externals(memberB.id())).isZero();
        BrowserSession page = pages("hselfB");
        assertThat(page.get("/learning/hours").body()).contains("我的学时").contains("32");
        assertThat(page.get("/learning/hours?member=" + memberA.id()).status()).isEqualTo(404);
        assertThat(page.get("/learning/hours/external/new?member=" + memberB.id()).status()).isEqualTo(404);
    }

    @Test
    void hostile_input_names_the_field() {
        ApiClient secA = api("hsecA");
        ApiClient.Response r = secA.post("/api/v1/learning/hours/external", Map.of("memberId", memberA.id(),
                "title", "培训", "trainedOn", LocalDate.now().plusDays(3).toString(), "hours", 0.05, "place", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsKeys("trainedOn", "hours", "place");
        assertThat(secA.get("/api/v1/learning/hours?year=99999").status()).isEqualTo(400);
    }

    @Test
    void transcript_check_says_genuine_altered_or_unknown() {
        Transcripts.Issued issued = transcripts.issue(SYSTEM, memberA.id(), year);
        assertThat(issued.pdf()).startsWith("%PDF".getBytes());
        BrowserSession anyone = new BrowserSession(port);
        String path = issued.link().substring(issued.link().indexOf("/verify/"));
        BrowserSession.Page genuine = anyone.get(path);
        assertThat(genuine.status()).isEqualTo(200);
        assertThat(genuine.body()).contains("data-verdict=\"GENUINE\"").contains(memberA.name());

        String altered = path.substring(0, path.length() - 1) + (path.endsWith("0") ? "1" : "0");
        BrowserSession.Page a = anyone.get(altered);
        assertThat(a.body()).contains("data-verdict=\"ALTERED\"").doesNotContain(memberA.name());

        BrowserSession.Page unknown = anyone.get("/verify/transcripts/" + "0".repeat(32) + "?h=" + "0".repeat(64));
        assertThat(unknown.body()).contains("data-verdict=\"UNKNOWN\"").doesNotContain(memberA.name());
        assertThat(anyone.get("/verify/transcripts/%3Cscript%3E?h=x").status()).isLessThan(500);
    }
}
