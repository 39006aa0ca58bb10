package cn.zhibu.dues;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bases, reliefs and bills across branches: branch A's secretary can neither read nor change anything of branch B's
 * through the API or the pages (404, nothing changed); a branch cannot approve its own relief (F4: the higher
 * committee does); B's own secretary records a base and makes the month's bills through the pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesBillsScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Dues2026bills";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DuesBases bases;
    @Autowired DuesBills bills;
    @Autowired ReliefService reliefs;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization branchA;
    Organization committee2;
    Organization branchB;
    Member memberB;
    long reliefB;
    String suffix;
    final YearMonth month = YearMonth.now();

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee1 = data.committee("党费范围甲党委" + suffix);
        branchA = data.org(committee1.id(), "党费范围甲支部", OrganizationType.BRANCH);
        committee2 = data.committee("党费范围乙党委" + suffix);
        branchB = data.org(committee2.id(), "党费范围乙支部", OrganizationType.BRANCH);
        memberB = data.member(branchB.id(), "乙支部党员", MemberStatus.FULL);
        accounts.create("dsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("dsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("dcomB" + suffix, PASSWORD, "乙党委书记", null, List.of(new RoleGrant(Role.SECRETARY, committee2.id())));
        bases.record(SYSTEM, memberB.id(), new BaseEntry(DuesCategory.SALARIED, YearMonth.of(2026, 1), null, null, null,
                null, new BigDecimal("6000.00"), null, null), "FORM");
        reliefB = reliefs.propose(SYSTEM, memberB.id(), new ReliefProposal(month.plusMonths(1), month.plusMonths(2),
                new BigDecimal("10.00"), "家庭困难", LocalDate.now())).id();
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private String state() {
        return jdbc.sql("""
                        select (select count(*) from dues_base where member_id = :m) || '/' ||
                               (select count(*) from dues_bill where member_id = :m) || '/' ||
                               (select string_agg(status, ',' order by id) from dues_relief where member_id = :m) || '/' ||
                               (select count(*) from dues_bill_run where org_path like :p)""")
                .param("m", memberB.id()).param("p", branchB.path().value() + "%").query(String.class).single();
    }

    @Test
    void branch_a_secretary_gets_404_for_every_dues_endpoint_of_branch_b_and_nothing_changes() {
        String before = state();
        ApiClient secA = api("dsecA");
        long m = memberB.id();
        for (String path : List.of("/api/v1/dues/bases?memberId=" + m, "/api/v1/dues/bases/applicable?memberId=" + m
                        + "&month=" + month, "/api/v1/dues/reliefs?memberId=" + m, "/api/v1/dues/reliefs/" + reliefB,
                "/api/v1/dues/bills?orgId=" + branchB.id(), "/api/v1/dues/bills/runs?orgId=" + branchB.id(),
                "/api/v1/dues/bills/of-member?memberId=" + m)) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("乙支部");
        }
        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/dues/bases", Map.of("memberId", m, "category", "SALARIED", "effectiveMonth", "2026-02",
                        "base", 100)),
                secA.post("/api/v1/dues/reliefs", Map.of("memberId", m, "fromMonth", "2026-12", "toMonth", "2026-12",
                        "amount", 0, "reason", "越权", "decidedOn", LocalDate.now().toString())),
                secA.post("/api/v1/dues/reliefs/" + reliefB + "/decision", Map.of("approve", true)),
                secA.post("/api/v1/dues/reliefs/" + reliefB + "/revoke", Map.of("note", "越权")),
                secA.post("/api/v1/dues/bills/runs", Map.of("orgId", branchB.id(), "month", month.toString())),
                secA.post("/api/v1/dues/bills/void", Map.of("memberId", m, "month", month.toString(), "reason", "越权")));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
        BrowserSession pagesA = pages("dsecA");
        for (String path : List.of("/dues/bases?org=" + branchB.id(), "/dues/members/" + m + "/bases",
                "/dues/reliefs/" + reliefB, "/dues/bills?org=" + branchB.id())) {
            BrowserSession.Page page = pagesA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部党员");
        }
        assertThat(pagesA.post("/dues/members/" + m + "/bases", Map.of("category", "STUDENT", "effectiveMonth", "2026-02"))
                .status()).isEqualTo(404);
        assertThat(pagesA.post("/dues/bills/runs", Map.of("org", Long.toString(branchB.id()), "confirmed", "true"))
                .status()).isEqualTo(404);
        assertThat(pagesA.post("/dues/reliefs/" + reliefB + "/decision", Map.of("approve", "true")).status())
                .isEqualTo(404);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void F4_the_branch_cannot_approve_its_own_relief_the_higher_committee_can() {
        long own = reliefs.propose(SYSTEM, memberB.id(), new ReliefProposal(month.plusMonths(5), month.plusMonths(5),
                BigDecimal.ZERO, "临时困难", LocalDate.now())).id();
        assertThat(api("dsecB").post("/api/v1/dues/reliefs/" + own + "/decision", Map.of("approve", true)).status())
                .isEqualTo(403);
        ApiClient.Response approved = api("dcomB").post("/api/v1/dues/reliefs/" + own + "/decision",
                Map.of("approve", true, "note", "同意"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void hostile_input_is_refused_with_the_field_named() {
        ApiClient secB = api("dsecB");
        ApiClient.Response r = secB.post("/api/v1/dues/bases", Map.of("memberId", memberB.id(), "category", "SALARIED",
                "effectiveMonth", "2026-02", "base", "-1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsKey("base");
        assertThat(secB.postJson("/api/v1/dues/bills/runs", "{\"orgId\": " + branchB.id() + ", \"month\": \"2026-13\"}")
                .status()).isEqualTo(400);
        assertThat(secB.get("/api/v1/dues/bills?orgId=" + branchB.id() + "&month=xx").status()).isEqualTo(400);
        assertThat(secB.post("/api/v1/dues/bills/runs", Map.of("orgId", branchB.id(), "month", "1999-01")).status())
                .isEqualTo(400);
    }

    @Test
    void the_secretary_records_a_base_with_a_live_amount_and_makes_the_months_bills_through_the_pages() throws Exception {
        Member newcomer = data.member(branchB.id(), "乙支部新党员", MemberStatus.FULL);
        BrowserSession secB = pages("dsecB");
        BrowserSession.Page preview = secB.get("/dues/bases/compute?category=SALARIED&effectiveMonth=2026-01"
                + "&countedPay=6000&incomeTax=100&socialInsurance=900");
        assertThat(preview.body()).contains("每月应交 50.00 元");   // 5000.00: 1%
        BrowserSession.Page saved = secB.post("/dues/members/" + newcomer.id() + "/bases", Map.of("category", "SALARIED",
                "effectiveMonth", "2026-01", "countedPay", "6000", "incomeTax", "100", "socialInsurance", "900"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(secB.get("/dues/members/" + newcomer.id() + "/bases").body()).contains("50.00元");

        BrowserSession.Page confirm = secB.post("/dues/bills/runs", Map.of("org", Long.toString(branchB.id()),
                "month", month.toString()));
        assertThat(confirm.body()).contains("确定生成" + month + "的党费账单吗？");
        BrowserSession.Page started = secB.post("/dues/bills/runs", Map.of("org", Long.toString(branchB.id()),
                "month", month.toString(), "confirmed", "true"));
        assertThat(started.status()).isEqualTo(302);
        String job = java.net.URI.create(started.location()).getPath();
        String body = "";
        for (int i = 0; i < 60 && !body.contains("已生成"); i++) {
            Thread.sleep(500);
            body = secB.get(job).body();
        }
        assertThat(body).contains("已生成2张账单");
        String branchPage = secB.get("/dues/bills?org=" + branchB.id()).body();
        assertThat(branchPage).contains("乙支部新党员").contains("50.00元").doesNotContain("data-label=\"所在组织\"");
        // a committee's page names each bill's branch
        assertThat(pages("dcomB").get("/dues/bills?org=" + committee2.id()).body())
                .contains("<td data-label=\"所在组织\">党费范围乙支部</td>").contains("乙支部新党员");
        assertThat(api("dsecA").get("/api/v1/dues/bills?orgId=" + branchA.id()).json().get("total").asInt()).isZero();
    }
}
