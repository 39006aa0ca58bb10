package cn.zhibu.identity;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.TransferRequest;
import cn.zhibu.member.TransferService;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leak across branches is the worst bug this product can have. Every endpoint is tried by a user of branch A
 * against branch B's organization and members, reading and writing, through the API and through the pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Test2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired OrganizationService organizations;
    @Autowired MembershipService membership;
    @Autowired TransferService transfers;
    @LocalServerPort int port;

    Organization committee1;
    Organization branchA;
    Organization groupA;
    Organization branchA2;
    Organization committee2;
    Organization branchB;
    Member memberA;
    Member memberA2;
    Member memberA3;
    Member memberB;
    long seatB;
    long archivedB;
    long transferB;
    long memberInTransferB;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee1 = data.committee("范围测试甲党委" + suffix);
        branchA = data.org(committee1.id(), "范围测试甲支部", OrganizationType.BRANCH);
        groupA = data.org(branchA.id(), "范围测试甲党小组", OrganizationType.GROUP);
        branchA2 = data.org(committee1.id(), "范围测试甲二支部", OrganizationType.BRANCH);
        committee2 = data.committee("范围测试乙党委" + suffix);
        branchB = data.org(committee2.id(), "范围测试乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "甲方党员", MemberStatus.FULL);
        memberA2 = data.member(groupA.id(), "甲方小组党员", MemberStatus.PROBATIONARY);
        memberA3 = data.member(branchA2.id(), "甲二支部党员", MemberStatus.FULL);
        memberB = data.member(branchB.id(), "乙方秘密党员", MemberStatus.FULL);
        archivedB = data.member(branchB.id(), "乙方已故党员", MemberStatus.FULL).id();
        membership.change(SYSTEM, archivedB, new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(), "病故", null, null));
        Organization branchB2 = data.org(committee2.id(), "范围测试乙二支部", OrganizationType.BRANCH);
        memberInTransferB = data.member(branchB2.id(), "乙方转接党员", MemberStatus.FULL).id();
        transferB = transfers.start(SYSTEM, memberInTransferB, new TransferRequest(branchB.id(), "工作调动")).id();
        organizations.startTerm(SYSTEM, branchB.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        seatB = organizations.addSeat(SYSTEM, branchB.id(), CommitteePosition.SECRETARY, memberB.id(), null)
                .seats().get(0).id();
        accounts.create("secA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("secB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("adm1" + suffix, PASSWORD, "甲党委组织管理员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee1.id())));
        accounts.create("self" + suffix, PASSWORD, "甲方党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    /** Every read endpoint that takes an organization or member id, aimed at branch B. */
    private List<String> readsOfBranchB() {
        long b = branchB.id();
        long m = memberB.id();
        return List.of("/api/v1/orgs/" + b, "/api/v1/orgs/" + b + "/children", "/api/v1/orgs/" + b + "/counts",
                "/api/v1/orgs/" + b + "/committee", "/api/v1/orgs/" + b + "/dashboard",
                "/api/v1/orgs/" + b + "/warnings", "/api/v1/orgs/" + b + "/todo",
                "/api/v1/orgs/" + committee2.id(), "/api/v1/orgs/" + committee2.id() + "/dashboard",
                "/api/v1/members/" + m, "/api/v1/members?orgId=" + b, "/api/v1/members?orgId=" + committee2.id(),
                "/api/v1/members/" + m + "/status-changes", "/api/v1/orgs/" + b + "/member-reminders",
                "/api/v1/archived-members?orgId=" + b, "/api/v1/archived-members/" + archivedB,
                "/api/v1/members/" + archivedB + "/status-changes", "/api/v1/transfers/" + transferB,
                "/api/v1/transfers/" + transferB + "/letter.pdf", "/api/v1/orgs/" + b + "/outflows",
                "/api/v1/orgs/" + b + "/inflows", "/api/v1/orgs/" + b + "/floating-reminders",
                "/api/v1/orgs/" + b + "/transfer-reminders", "/api/v1/inbox?orgId=" + b);
    }

    @Test
    void a_branch_secretary_gets_404_or_403_for_every_read_of_another_branch() {
        ApiClient secA = api("secA");
        for (String path : readsOfBranchB()) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isIn(403, 404);
            assertThat(r.body()).as(path).doesNotContain("乙方秘密党员").doesNotContain("范围测试乙支部");
        }
        // The same reads work for branch B's own secretary: the 404s above are about scope, not broken paths.
        ApiClient secB = api("secB");
        for (String path : readsOfBranchB().stream().filter(p -> !p.contains("/" + committee2.id())
                && !p.contains("=" + committee2.id())).toList()) {
            assertThat(secB.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void a_branch_secretary_gets_404_or_403_for_every_write_to_another_branch() {
        ApiClient secA = api("secA");
        long b = branchB.id();
        long m = memberB.id();
        var memberForm = TestData.form(b, "越权录入", true, LocalDate.of(1980, 1, 1), MemberStatus.FULL);
        List<ApiClient.Response> writes = new ArrayList<>();
        writes.add(secA.put("/api/v1/orgs/" + b, Map.of("version", 0, "organization", Map.of("name", "改名",
                "type", "BRANCH", "category", "GOVERNMENT"))));
        writes.add(secA.post("/api/v1/orgs", Map.of("parentId", b, "name", "越权小组", "type", "GROUP",
                "category", "GOVERNMENT")));
        writes.add(secA.post("/api/v1/orgs/" + b + "/move", Map.of("parentId", committee1.id())));
        writes.add(secA.post("/api/v1/orgs/" + branchA.id() + "/move", Map.of("parentId", committee2.id())));
        writes.add(secA.post("/api/v1/orgs/" + b + "/dissolve", Map.of("dissolvedOn", LocalDate.now().toString(),
                "reason", "越权")));
        writes.add(secA.post("/api/v1/orgs/" + b + "/committee/term", Map.of("termStart", "2025-01-01",
                "termEnd", "2028-01-01")));
        writes.add(secA.post("/api/v1/orgs/" + b + "/committee/seats", Map.of("position", "MEMBER",
                "personName", "越权")));
        writes.add(secA.delete("/api/v1/orgs/" + b + "/committee/seats/" + seatB));
        writes.add(secA.post("/api/v1/members", memberForm));
        writes.add(secA.put("/api/v1/members/" + m, Map.of("version", memberB.version(), "member", memberForm)));
        writes.add(secA.delete("/api/v1/members/" + m));
        writes.add(secA.post("/api/v1/members/" + m + "/status-changes", Map.of("kind", "EXPEL",
                "effectiveOn", LocalDate.now().toString(), "reason", "越权", "approvedBy", "越权")));
        writes.add(secA.put("/api/v1/members/" + m + "/lost-contact", Map.of("lastContactOn", "2020-01-01")));
        writes.add(secA.delete("/api/v1/members/" + m + "/lost-contact"));
        writes.add(secA.post("/api/v1/members/" + archivedB + "/status-changes", Map.of("kind", "RESTORE",
                "effectiveOn", LocalDate.now().toString(), "reason", "越权", "approvedBy", "越权")));
        writes.add(secA.post("/api/v1/members/" + m + "/transfers", Map.of("toOrgId", branchA.id(), "reason", "越权")));
        writes.add(secA.post("/api/v1/transfers/" + transferB + "/approve", Map.of("note", "越权")));
        writes.add(secA.post("/api/v1/transfers/" + transferB + "/refuse", Map.of("note", "越权")));
        writes.add(secA.post("/api/v1/transfers/" + transferB + "/cancel", Map.of()));
        writes.add(secA.post("/api/v1/member-exports", Map.of("orgId", b)));
        writes.add(secA.post("/api/v1/members/" + m + "/transfers/outbound", Map.of("externalOrg", "越权", "reason", "越权")));
        writes.add(secA.post("/api/v1/member-inbounds", Map.of("member", memberForm,
                "letter", Map.of("fromOrg", "越权", "letterNo", "越权"))));
        writes.add(secA.post("/api/v1/members/" + m + "/outflow", Map.of("destination", "越权", "reason", "越权",
                "leftOn", LocalDate.now().toString())));
        writes.add(secA.post("/api/v1/orgs/" + b + "/inflows", Map.of("name", "越权", "homeOrg", "越权",
                "arrivedOn", LocalDate.now().toString())));
        writes.add(secA.post("/api/v1/member-exports", Map.of("orgId", committee2.id())));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isIn(400, 403, 404);
        }
        // Nothing changed on branch B.
        ApiClient secB = api("secB");
        assertThat(secB.get("/api/v1/orgs/" + b).json().get("name").asString()).isEqualTo("范围测试乙支部");
        assertThat(secB.get("/api/v1/members/" + m).status()).isEqualTo(200);
        assertThat(secB.get("/api/v1/orgs/" + b + "/committee").json().get("seats").size()).isEqualTo(1);
        assertThat(secB.get("/api/v1/members?orgId=" + b).json().get("total").asInt()).isEqualTo(1);
        assertThat(secB.get("/api/v1/members/" + m).json().has("lostContactSince")).isFalse();
        assertThat(secB.get("/api/v1/orgs/" + b + "/outflows").json().size()).isZero();
        assertThat(secB.get("/api/v1/orgs/" + b + "/inflows").json().size()).isZero();
        assertThat(secB.get("/api/v1/members/" + m + "/status-changes").json().size()).isZero();
        assertThat(secB.get("/api/v1/archived-members/" + archivedB).json().get("status").asString()).isEqualTo("DECEASED");
        assertThat(api("secB").get("/api/v1/transfers/" + transferB).json().get("status").asString())
                .isEqualTo("IN_PROGRESS");
        for (String direction : List.of("OUTGOING", "INCOMING")) {
            assertThat(secA.get("/api/v1/transfers?direction=" + direction).body()).doesNotContain("乙方转接党员");
        }
    }

    @Test
    void a_branch_secretary_cannot_reach_another_branch_through_any_page() {
        BrowserSession secA = BrowserSession.loggedIn(port, "secA" + suffix, PASSWORD);
        long b = branchB.id();
        long m = memberB.id();
        for (String path : List.of("/orgs/" + b, "/orgs/" + b + "/children", "/orgs/" + b + "/edit",
                "/orgs/" + b + "/move", "/orgs/" + b + "/dissolve", "/orgs/new?parentId=" + b, "/members/" + m,
                "/members/" + m + "/edit", "/members?orgId=" + b, "/members/new?orgId=" + b,
                "/members/options?orgId=" + b, "/dashboard?org=" + b, "/inbox?org=" + b, "/todo?org=" + b, "/checks/orgs/" + b, "/audit",
                "/members/archived?orgId=" + b, "/members/archived/" + archivedB, "/transfers/" + transferB,
                "/transfers/" + transferB + "/letter.pdf", "/floating?orgId=" + b)) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isIn(403, 404);
            assertThat(page.body()).as(path).doesNotContain("乙方秘密党员");
        }
        for (String path : List.of("/orgs/" + b, "/orgs/" + b + "/move", "/orgs/" + b + "/dissolve",
                "/orgs/" + b + "/committee/term", "/orgs/" + b + "/committee/seats",
                "/orgs/" + b + "/committee/seats/" + seatB + "/delete", "/members/" + m, "/members/" + m + "/delete",
                "/members/" + m + "/status", "/members/" + m + "/lost-contact", "/members/" + m + "/in-contact",
                "/members/archived/" + archivedB + "/status", "/members/" + m + "/transfers", "/members/exports",
                "/transfers/" + transferB + "/approve", "/transfers/" + transferB + "/refuse",
                "/transfers/" + transferB + "/cancel", "/members/" + m + "/outflow", "/floating/inflows",
                "/members/" + m + "/transfers/outbound")) {
            BrowserSession.Page page = secA.post(path, Map.ofEntries(Map.entry("version", "0"),
                    Map.entry("name", "越权"), Map.entry("type", "BRANCH"), Map.entry("category", "GOVERNMENT"),
                    Map.entry("parentId", Long.toString(committee1.id())), Map.entry("reason", "越权"),
                    Map.entry("dissolvedOn", LocalDate.now().toString()), Map.entry("position", "MEMBER"),
                    Map.entry("personName", "越权"), Map.entry("kind", "EXPEL"),
                    Map.entry("effectiveOn", LocalDate.now().toString()), Map.entry("approvedBy", "越权"),
                    Map.entry("lastContactOn", "2020-01-01"), Map.entry("toOrgId", Long.toString(branchA.id())),
                    Map.entry("note", "越权"), Map.entry("orgId", Long.toString(b))));
            assertThat(page.status()).as("POST " + path).isIn(403, 404);
        }
        assertThat(api("secB").get("/api/v1/members/" + m).status()).isEqualTo(200);
    }

    @Test
    void the_owning_secretary_gets_every_new_page_rendered() {
        BrowserSession secB = BrowserSession.loggedIn(port, "secB" + suffix, PASSWORD);
        long b = branchB.id();
        for (String path : List.of("/members/" + memberB.id(), "/members/archived?orgId=" + b,
                "/members/archived/" + archivedB, "/transfers", "/transfers?direction=INCOMING", "/transfers/" + transferB,
                "/members/export", "/members/import", "/floating?orgId=" + b, "/todo")) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
    }

    @Test
    void an_organization_administrator_sees_exactly_their_subtree() {
        ApiClient adm1 = api("adm1");
        JsonNode roots = adm1.get("/api/v1/orgs").json();
        assertThat(roots.size()).isEqualTo(1);
        assertThat(roots.get(0).get("id").asLong()).isEqualTo(committee1.id());
        Set<Long> seen = new HashSet<>();
        JsonNode page = adm1.get("/api/v1/members?size=100").json();
        page.get("items").forEach(n -> {
            seen.add(n.get("id").asLong());
            assertThat(n.get("orgPath").asString()).startsWith(committee1.path().value());
        });
        assertThat(seen).containsExactlyInAnyOrder(memberA.id(), memberA2.id(), memberA3.id());
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(adm1.get("/api/v1/orgs/" + committee1.id() + "/dashboard").json()
                .get("members").get("byStatus").get("FULL").asInt()).isEqualTo(2);
        assertThat(adm1.get("/api/v1/orgs/" + branchB.id()).status()).isEqualTo(404);
        assertThat(adm1.get("/api/v1/members/" + memberB.id()).status()).isEqualTo(404);
        assertThat(adm1.get("/api/v1/orgs?q=范围测试").json().findValuesAsString("name"))
                .noneMatch(n -> n.contains("乙"));
        JsonNode audit = adm1.get("/api/v1/audit").json();
        audit.get("items").forEach(e -> assertThat(e.get("orgPath").asString()).startsWith(committee1.path().value()));
        assertThat(adm1.get("/api/v1/orgs/" + committee1.id() + "/todo").json().findValuesAsString("path"))
                .allMatch(p -> p.startsWith(committee1.path().value()));
    }

    @Test
    void a_branch_secretary_sees_their_branch_and_its_groups_with_masked_id_numbers() {
        ApiClient secA = api("secA");
        JsonNode page = secA.get("/api/v1/members?size=100").json();
        Set<Long> seen = new HashSet<>();
        page.get("items").forEach(n -> seen.add(n.get("id").asLong()));
        assertThat(seen).containsExactlyInAnyOrder(memberA.id(), memberA2.id());
        String id = secA.get("/api/v1/members/" + memberA.id()).json().get("idNumber").asString();
        assertThat(id).matches("\\d{4}\\*{10}[\\dX]{4}");
        assertThat(api("adm1").get("/api/v1/members/" + memberA.id()).json().get("idNumber").asString())
                .isEqualTo(memberA.idNumber());
        assertThat(secA.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(secA.get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(api("adm1").get("/api/v1/audit/verify").status()).isEqualTo(403);
        JsonNode roots = secA.get("/api/v1/orgs").json();
        assertThat(roots.size()).isEqualTo(1);
        assertThat(roots.get(0).get("id").asLong()).isEqualTo(branchA.id());
        assertThat(secA.get("/api/v1/me").json().get("managedPaths").get(0).asString())
                .isEqualTo(branchA.path().value());
        assertThat(secA.post("/api/v1/orgs", Map.of("parentId", branchA.id(), "name", "新小组", "type", "GROUP",
                "category", "GOVERNMENT")).status()).isEqualTo(403);
    }

    @Test
    void a_member_sees_only_their_own_record_and_organization() {
        ApiClient self = api("self");
        JsonNode own = self.get("/api/v1/members/" + memberA.id()).json();
        assertThat(own.get("idNumber").asString()).isEqualTo(memberA.idNumber());
        assertThat(self.get("/api/v1/members/" + memberA2.id()).status()).isEqualTo(404);
        assertThat(self.get("/api/v1/members").status()).isEqualTo(403);
        assertThat(self.get("/api/v1/orgs/" + branchA.id()).status()).isEqualTo(200);
        assertThat(self.get("/api/v1/orgs/" + branchA.id() + "/dashboard").status()).isEqualTo(404);
        assertThat(self.get("/api/v1/orgs/" + branchA2.id()).status()).isEqualTo(404);
        assertThat(self.put("/api/v1/members/" + memberA.id(), Map.of("version", 0,
                "member", TestData.form(branchA.id(), "改自己", true, LocalDate.of(1980, 1, 1), MemberStatus.FULL)))
                .status()).isEqualTo(404);
    }

    @Test
    void without_a_token_the_api_answers_401() {
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.get("/api/v1/orgs").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/members/" + memberA.id()).status()).isEqualTo(401);
    }
}
