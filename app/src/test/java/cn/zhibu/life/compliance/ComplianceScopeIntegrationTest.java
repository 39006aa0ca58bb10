package cn.zhibu.life.compliance;

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
import cn.zhibu.support.LifeMeetingFixture;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.life.MeetingKind.THEME_DAY;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compliance across branches: another branch's secretary reaches nothing of branch B or its committee through any
 * endpoint or page (404, no name leaks) and changes nothing; a member sees no compliance at all; a branch's own
 * secretary cannot exempt the branch (403), and nothing changes either.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceScopeIntegrationTest {

    private static final String PASSWORD = "Compliance@Scope2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired LifeMeetingFixture meetings;
    @Autowired ExemptionService exemptions;
    @Autowired OrganizationYears years;
    @LocalServerPort int port;

    String suffix;
    Organization committeeB;
    Organization branchB;
    long exemptionB;
    String yearOfB;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committeeA = data.committee("考核范围甲党委" + suffix);
        Organization branchA = data.org(committeeA.id(), "考核范围甲支部" + suffix, OrganizationType.BRANCH);
        committeeB = data.committee("考核范围乙党委" + suffix);
        branchB = data.org(committeeB.id(), "考核范围乙支部机密" + suffix, OrganizationType.BRANCH);
        Member memberB = data.member(branchB.id(), "乙支部党员", MemberStatus.FULL);
        accounts.create("ksecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("ksecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("kselfB" + suffix, PASSWORD, "乙支部党员", memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        meetings.held(branchB, LocalDate.of(2025, 4, 9), 10, 10, THEME_DAY);
        exemptionB = exemptions.grant(SYSTEM, new ExemptionForm(branchB.id(), "2025-05", null, "乙支部机密原因")).id();
        yearOfB = years.year(SYSTEM, branchB.id(), 2025).toString();
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private List<String> reads(long org) {
        return List.of("/api/v1/life/compliance?org=" + org + "&year=2025",
                "/api/v1/life/compliance/heatmap?org=" + org + "&year=2025",
                "/api/v1/life/compliance/behind?org=" + org + "&month=2025-06",
                "/api/v1/life/compliance/behind/export?org=" + org + "&month=2025-06",
                "/api/v1/life/compliance/exemptions?org=" + org + "&year=2025");
    }

    @Test
    void another_branch_s_secretary_reaches_nothing_of_branch_b_through_the_api_and_changes_nothing() {
        ApiClient secA = api("ksecA");
        for (long org : List.of(branchB.id(), committeeB.id())) {
            for (String path : reads(org)) {
                ApiClient.Response r = secA.get(path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.body()).as(path).doesNotContain("机密");
            }
        }
        assertThat(secA.post("/api/v1/life/compliance/exemptions", Map.of("orgId", branchB.id(), "period", "2025-06",
                "reason", "越权豁免")).status()).isEqualTo(404);
        assertThat(secA.delete("/api/v1/life/compliance/exemptions/" + exemptionB).status()).isEqualTo(404);
        assertNothingChangedOnB();
    }

    @Test
    void another_branch_s_secretary_reaches_nothing_of_branch_b_through_the_pages() {
        BrowserSession secA = BrowserSession.loggedIn(port, "ksecA" + suffix, PASSWORD);
        for (String path : List.of("/life/compliance?org=" + branchB.id(), "/life/compliance?org=" + committeeB.id(),
                "/life/compliance/behind?org=" + committeeB.id(), "/life/compliance/summary?org=" + branchB.id(),
                "/life/compliance/summary?org=" + committeeB.id())) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("机密");
        }
        assertThat(secA.post("/life/compliance/exemptions", Map.of("orgId", Long.toString(branchB.id()),
                "period", "2025-06", "reason", "越权豁免")).status()).isEqualTo(404);
        assertThat(secA.post("/life/compliance/exemptions/" + exemptionB + "/revoke", Map.of("org",
                Long.toString(branchB.id()), "confirmed", "true")).status()).isEqualTo(404);
        assertThat(secA.post("/life/compliance/behind/export", Map.of("org", Long.toString(committeeB.id()),
                "month", "2025-06")).status()).isEqualTo(404);
        // the own branch's page lists nothing of B's
        assertThat(secA.get("/life/compliance").body()).doesNotContain("机密");
        assertNothingChangedOnB();
    }

    @Test
    void a_branch_s_own_secretary_cannot_exempt_or_revoke_for_the_branch() {
        ApiClient secB = api("ksecB");
        assertThat(secB.get(reads(branchB.id()).get(0)).status()).isEqualTo(200);
        ApiClient.Response own = secB.post("/api/v1/life/compliance/exemptions", Map.of("orgId", branchB.id(),
                "period", "2025-06", "reason", "自己豁免"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(secB.delete("/api/v1/life/compliance/exemptions/" + exemptionB).status()).isEqualTo(403);
        BrowserSession page = BrowserSession.loggedIn(port, "ksecB" + suffix, PASSWORD);
        assertThat(page.get("/life/compliance?org=" + branchB.id()).body()).doesNotContain("豁免本组织的要求");
        assertThat(page.post("/life/compliance/exemptions", Map.of("orgId", Long.toString(branchB.id()),
                "period", "2025-06", "reason", "自己豁免")).status()).isEqualTo(403);
        assertNothingChangedOnB();
    }

    @Test
    void a_member_sees_no_compliance_view() {
        ApiClient self = api("kselfB");
        for (String path : reads(branchB.id())) {
            assertThat(self.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(BrowserSession.loggedIn(port, "kselfB" + suffix, PASSWORD).get("/life/compliance").status())
                .isEqualTo(403);
        assertNothingChangedOnB();
    }

    private void assertNothingChangedOnB() {
        assertThat(years.year(SYSTEM, branchB.id(), 2025).toString()).isEqualTo(yearOfB);
        assertThat(exemptions.list(SYSTEM, branchB.id(), 2025)).extracting(ComplianceExemption::id)
                .containsExactly(exemptionB);
    }
}
