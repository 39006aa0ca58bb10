package cn.zhibu.admission;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Education;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/** Every 发展党员 endpoint and page, tried by branch A's secretary on branch B's cases: nothing read, nothing changed. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Test2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired AdmissionService admission;
    @Autowired TargetPublicity targetPublicity;
    @Autowired AdmissionDocuments documents;
    @LocalServerPort int port;

    Organization branchA;
    Organization committeeB;
    Organization branchB;
    AdmissionCase caseA;
    AdmissionCase caseB;
    long documentB;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committeeA = data.committee("发展范围甲党委" + suffix);
        branchA = data.org(committeeA.id(), "发展范围甲支部", OrganizationType.BRANCH);
        committeeB = data.committee("发展范围乙党委" + suffix);
        branchB = data.org(committeeB.id(), "发展范围乙支部", OrganizationType.BRANCH);
        data.member(branchB.id(), "乙方介绍人", MemberStatus.FULL);
        caseA = apply(branchA, "甲方申请人");
        caseB = apply(branchB, "乙方秘密申请人");
        documentB = documents.attach(SYSTEM, caseB.id(), null, "乙方秘密材料.pdf",
                "%PDF-1.4 乙方秘密申请人的材料".getBytes(java.nio.charset.StandardCharsets.UTF_8)).id();
        accounts.create("asecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("asecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
    }

    private AdmissionCase apply(Organization branch, String name) {
        return admission.apply(SYSTEM, new ApplicationForm(branch.id(), name,
                TestData.idNumber(LocalDate.of(2000, 2, 2), true), "汉族", Education.BACHELOR, Occupation.WORKER, null,
                null, LocalDate.now().minusDays(3)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private List<String> readsOfB() {
        long c = caseB.id();
        return List.of("/api/v1/admission/cases/" + c, "/api/v1/admission/cases/" + c + "/status",
                "/api/v1/admission/cases?orgId=" + branchB.id(), "/api/v1/admission/cases?orgId=" + committeeB.id(),
                "/api/v1/admission/counts?orgId=" + branchB.id(), "/api/v1/admission/cases/" + c + "/documents",
                "/api/v1/admission/cases/" + c + "/documents/" + documentB,
                "/api/v1/admission/cases/" + c + "/publicity");
    }

    @Test
    void a_secretary_reads_nothing_of_another_branch_and_the_owner_reads_it_all() {
        ApiClient secA = api("asecA");
        for (String path : readsOfB()) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isIn(403, 404);
            assertThat(r.body()).as(path).doesNotContain("乙方秘密申请人");
        }
        assertThat(secA.get("/api/v1/admission/reminders").body()).doesNotContain("乙方秘密申请人");
        assertThat(secA.get("/api/v1/admission/cases?orgId=" + branchA.id()).body()).contains("甲方申请人")
                .doesNotContain("乙方秘密申请人");
        ApiClient secB = api("asecB");
        for (String path : readsOfB().stream().filter(p -> !p.endsWith("=" + committeeB.id())).toList()) {
            assertThat(secB.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(secB.get("/api/v1/admission/reminders").body()).contains("乙方秘密申请人");
    }

    @Test
    void a_branch_cannot_approve_its_own_candidate() {
        for (String step : List.of("PRE_REVIEW", "APPROVAL", "CONVERSION_APPROVAL")) {
            ApiClient.Response r = api("asecA").post("/api/v1/admission/cases/" + caseA.id() + "/steps",
                    Map.of("step", step, "doneOn", LocalDate.now().toString(), "passed", true));
            assertThat(r.status()).as(step).isEqualTo(400);
            assertThat(r.body()).as(step).contains("须由上级党委");
        }
        assertThat(admission.get(SYSTEM, caseA.id()).steps()).hasSize(1);
    }

    @Test
    void a_secretary_changes_nothing_of_another_branch() {
        ApiClient secA = api("asecA");
        long c = caseB.id();
        List<ApiClient.Response> writes = new ArrayList<>();
        writes.add(secA.post("/api/v1/admission/cases/" + c + "/steps", Map.of("step", "FIRST_TALK",
                "doneOn", LocalDate.now().toString(), "actedBy", "越权")));
        writes.add(secA.post("/api/v1/admission/cases/" + c + "/close", Map.of("closedOn", LocalDate.now().toString(),
                "reason", "越权")));
        writes.add(secA.post("/api/v1/admission/cases", Map.of("orgId", branchB.id(), "name", "越权申请",
                "idNumber", TestData.idNumber(LocalDate.of(2001, 1, 1), true), "ethnicity", "汉族",
                "education", "BACHELOR", "occupation", "WORKER", "appliedOn", LocalDate.now().toString())));
        writes.add(secA.delete("/api/v1/admission/cases/" + c + "/documents/" + documentB));
        writes.add(secA.post("/api/v1/admission/cases/" + c + "/move", Map.of("toOrgId", branchA.id(), "reason", "越权")));
        writes.add(secA.post("/api/v1/admission/cases/" + caseA.id() + "/move", Map.of("toOrgId", branchB.id(),
                "reason", "越权")));
        writes.add(secA.post("/api/v1/admission/cases/" + c + "/publicity", Map.of("startsOn",
                LocalDate.now().toString())));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isIn(403, 404);
        }
        // an application in A with the number of B's applicant learns only that it is registered elsewhere
        ApiClient.Response probe = secA.post("/api/v1/admission/cases", Map.of("orgId", branchA.id(), "name", "试探",
                "idNumber", caseB.idNumber(), "ethnicity", "汉族", "education", "BACHELOR", "occupation", "WORKER",
                "appliedOn", LocalDate.now().toString()));
        assertThat(probe.status()).isEqualTo(400);
        assertThat(probe.json().get("errors").get("idNumber").asString())
                .isEqualTo(cn.zhibu.member.IdNumberUse.APPLICANT.elsewhere());
        assertThat(probe.body()).doesNotContain("乙方秘密申请人").doesNotContain("发展范围乙");
        AdmissionCase unchanged = admission.get(SYSTEM, c);
        assertThat(unchanged.steps()).hasSize(1);
        assertThat(documents.list(SYSTEM, c)).hasSize(1);
        assertThat(admission.get(SYSTEM, caseA.id()).orgId()).isEqualTo(branchA.id());
        assertThat(targetPublicity.of(SYSTEM, c)).isEmpty();
        assertThat(unchanged.stage()).isEqualTo(AdmissionStage.APPLICANT);
        assertThat(admission.pipeline(SYSTEM, branchB.id(), null, null, 0).total()).isEqualTo(1);
    }

    @Test
    void no_page_of_another_branch_opens_and_the_owners_pages_do() {
        BrowserSession secA = BrowserSession.loggedIn(port, "asecA" + suffix, PASSWORD);
        long c = caseB.id();
        for (String path : List.of("/admission/cases/" + c, "/admission?orgId=" + branchB.id(),
                "/admission/new?orgId=" + branchB.id(), "/admission/cases/" + c + "/minutes/1",
                "/admission/cases/" + c + "/documents/" + documentB)) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isIn(403, 404);
            assertThat(page.body()).as(path).doesNotContain("乙方秘密申请人");
        }
        for (String path : List.of("/admission/cases/" + c + "/steps", "/admission/cases/" + c + "/close",
                "/admission", "/admission/cases/" + c + "/documents/" + documentB + "/delete",
                "/admission/cases/" + c + "/move", "/admission/cases/" + c + "/publicity")) {
            BrowserSession.Page page = secA.post(path, Map.of("step", "FIRST_TALK", "doneOn",
                    LocalDate.now().toString(), "actedBy", "越权", "closedOn", LocalDate.now().toString(),
                    "reason", "越权", "orgId", Long.toString(branchB.id()), "name", "越权申请",
                    "idNumber", TestData.idNumber(LocalDate.of(2001, 3, 1), true), "ethnicity", "汉族",
                    "appliedOn", LocalDate.now().toString()));
            assertThat(page.status()).as("POST " + path).isIn(403, 404);
        }
        assertThat(secA.get("/admission").body()).doesNotContain("乙方秘密申请人");
        assertThat(admission.get(SYSTEM, c).steps()).hasSize(1);

        BrowserSession secB = BrowserSession.loggedIn(port, "asecB" + suffix, PASSWORD);
        // a date that cannot be read comes back to the form with the field's reason, not an error page
        BrowserSession.Page bad = secB.post("/admission/cases/" + c + "/steps", Map.of("step", "FIRST_TALK",
                "doneOn", "2024-13-40", "actedBy", "王书记"));
        assertThat(bad.status()).isEqualTo(302);
        BrowserSession.Page form = secB.get(bad.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(form.body()).contains("格式不正确").contains("2024-13-40").doesNotContain("出错了");
        for (String path : List.of("/admission", "/admission/cases/" + c, "/admission/new?orgId=" + branchB.id(),
                "/admission/cases/" + c + "?step=FIRST_TALK")) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
    }
}
