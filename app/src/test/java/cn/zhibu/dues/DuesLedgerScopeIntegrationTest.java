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
import cn.zhibu.support.DuesBillFixture;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's endpoints and pages across branches: branch A's secretary records, reads and reverses for A only;
 * for B every endpoint and page answers 404 and nothing of B's changes; a member reads only their own ledger.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesLedgerScopeIntegrationTest {

    private static final String PASSWORD = "Scope@DuesLedger2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DuesBillFixture bills;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committeeA;
    Organization branchA;
    Organization branchB;
    long memberA;
    long memberB;
    long entryB;
    String suffix;
    final YearMonth now = YearMonth.now();

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committeeA = data.committee("党费范围甲党委" + suffix);
        branchA = data.org(committeeA.id(), "党费范围甲支部", OrganizationType.BRANCH);
        Organization committeeB = data.committee("党费范围乙党委" + suffix);
        branchB = data.org(committeeB.id(), "党费范围乙支部", OrganizationType.BRANCH);
        Member a = data.member(branchA.id(), "甲支部交费党员", MemberStatus.FULL);
        Member b = data.member(branchB.id(), "乙支部交费党员", MemberStatus.FULL);
        memberA = a.id();
        memberB = b.id();
        bills.bills(memberA, now.minusMonths(2), now, "30.00");
        bills.bills(memberB, now.minusMonths(2), now, "30.00");
        accounts.create("dsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("dsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("dselfA" + suffix, PASSWORD, "甲支部交费党员", memberA, List.of(new RoleGrant(Role.MEMBER, null)));
        ApiClient.Response paid = api("dsecB").post("/api/v1/dues/payments", payment(memberB, now));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        entryB = paid.json().get(0).get("id").asLong();
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private static Map<String, Object> payment(long member, YearMonth month) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("months", List.of(month.toString()));
        body.put("method", "CASH");
        body.put("receiptNo", "SJ-001");
        body.put("payer", "SELF");
        body.put("paidOn", LocalDate.now().toString());
        return body;
    }

    private long entriesOfB() {
        return jdbc.sql("select count(*) from dues_entry where member_id = ?").param(memberB).query(Long.class).single();
    }

    @Test
    void branch_a_secretary_records_and_reverses_for_a_through_the_api() {
        ApiClient secA = api("dsecA");
        ApiClient.Response paid = secA.post("/api/v1/dues/payments", payment(memberA, now));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        long id = paid.json().get(0).get("id").asLong();
        assertThat(secA.get("/api/v1/dues/members/" + memberA + "/ledger").body()).contains("\"id\":" + id);
        assertThat(secA.get("/api/v1/dues/members/" + memberA + "/payable").status()).isEqualTo(200);
        ApiClient.Response reversed = secA.post("/api/v1/dues/entries/" + id + "/reverse", Map.of("reason", "登记错误"));
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
        assertThat(reversed.json().get("amount").decimalValue()).isEqualByComparingTo("-30.00");
        ApiClient.Response missing = secA.post("/api/v1/dues/payments", payment(memberA, now.minusMonths(1)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errors()).containsKey("consent");
    }

    @Test
    void branch_a_secretary_cannot_reach_branch_b_through_any_endpoint() {
        ApiClient secA = api("dsecA");
        long before = entriesOfB();
        for (String path : List.of("/api/v1/dues/members/" + memberB + "/ledger", "/api/v1/dues/members/" + memberB
                + "/payable", "/api/v1/dues/entries/" + entryB, "/api/v1/dues/remittances?org=" + branchB.id(),
                "/api/v1/dues/remittances/period?org=" + branchB.id() + "&from=2026-01&to=2026-06")) {
            assertThat(secA.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(secA.post("/api/v1/dues/payments", payment(memberB, now.minusMonths(1))).status()).isEqualTo(404);
        assertThat(secA.post("/api/v1/dues/entries/" + entryB + "/reverse", Map.of("reason", "越权")).status())
                .isEqualTo(404);
        assertThat(secA.post("/api/v1/dues/entries/" + entryB + "/center-receipt",
                Map.of("receiptNo", "X", "receivedOn", LocalDate.now().toString())).status()).isEqualTo(404);
        assertThat(secA.post("/api/v1/dues/remittances", Map.of("orgId", branchB.id(), "periodFrom", "2026-01",
                "periodTo", "2026-02", "amount", new java.math.BigDecimal("10.00"), "paidOn", LocalDate.now().toString(), "receiptNo", "X"))
                .status()).isEqualTo(404);
        assertThat(entriesOfB()).isEqualTo(before);
    }

    @Test
    void branch_a_secretary_cannot_reach_branch_b_through_any_page() {
        BrowserSession secA = BrowserSession.loggedIn(port, "dsecA" + suffix, PASSWORD);
        assertThat(secA.get("/dues/pay?member=" + memberA).status()).isEqualTo(200);
        assertThat(secA.get("/dues/members/" + memberA + "/ledger").status()).isEqualTo(200);
        long before = entriesOfB();
        for (String path : List.of("/dues/pay?member=" + memberB, "/dues/members/" + memberB + "/ledger",
                "/dues/entries/" + entryB + "/reverse")) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部交费党员");
        }
        assertThat(secA.post("/dues/pay", Map.of("member", Long.toString(memberB), "months", now.toString(),
                "method", "CASH", "receiptNo", "X", "payer", "SELF", "paidOn", LocalDate.now().toString()))
                .status()).isEqualTo(404);
        assertThat(secA.post("/dues/entries/" + entryB + "/reverse", Map.of("reason", "越权", "confirmed", "true"))
                .status()).isEqualTo(404);
        assertThat(entriesOfB()).isEqualTo(before);
    }

    @Test
    void a_page_payment_and_a_confirmed_reversal_work_for_the_own_branch() {
        BrowserSession secA = BrowserSession.loggedIn(port, "dsecA" + suffix, PASSWORD);
        BrowserSession.Page form = secA.get("/dues/pay?member=" + memberA);
        assertThat(form.body()).contains("m-" + now.minusMonths(2));
        BrowserSession.Page refused = secA.post("/dues/pay", Map.of("member", Long.toString(memberA),
                "months", now.minusMonths(2).toString(), "method", "CASH", "receiptNo", "P-1", "payer", "SELF",
                "paidOn", LocalDate.now().toString()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("须经支部同意");
        BrowserSession.Page paid = secA.post("/dues/pay", Map.of("member", Long.toString(memberA),
                "months", now.minusMonths(2).toString(), "method", "TRANSFER", "receiptNo", "P-1", "payer", "SELF",
                "paidOn", LocalDate.now().toString(), "consent", "支部书记"));
        assertThat(paid.status()).isEqualTo(302);
        long id = jdbc.sql("select max(id) from dues_entry where member_id = ?").param(memberA).query(Long.class).single();
        BrowserSession.Page confirm = secA.post("/dues/entries/" + id + "/reverse", Map.of("reason", "收据号错误"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("确定冲正这笔账目吗");
        assertThat(jdbc.sql("select count(*) from dues_entry where reverses = ?").param(id).query(Long.class).single())
                .isZero();
        BrowserSession.Page done = secA.post("/dues/entries/" + id + "/reverse",
                Map.of("reason", "收据号错误", "confirmed", "true"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from dues_entry where reverses = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_member_reads_only_their_own_ledger() {
        ApiClient self = api("dselfA");
        assertThat(self.get("/api/v1/dues/members/" + memberA + "/ledger").status()).isEqualTo(200);
        assertThat(self.get("/api/v1/dues/members/" + memberB + "/ledger").status()).isEqualTo(404);
        assertThat(self.get("/api/v1/dues/entries/" + entryB).status()).isEqualTo(404);
        assertThat(self.post("/api/v1/dues/payments", payment(memberA, now)).status()).isEqualTo(404);
    }

    @Test
    void remittances_are_recorded_to_the_higher_committee_and_shown_against_what_was_collected() {
        ApiClient secA = api("dsecA");
        api("dsecA").post("/api/v1/dues/payments", payment(memberA, now.minusMonths(1)));
        ApiClient.Response r = secA.post("/api/v1/dues/remittances", Map.of("orgId", branchA.id(),
                "periodFrom", now.minusMonths(2).toString(), "periodTo", now.toString(), "amount", new java.math.BigDecimal("12.50"),
                "paidOn", LocalDate.now().toString(), "receiptNo", "SJ-上缴-1"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("toOrgId").asLong()).isEqualTo(committeeA.id());
        ApiClient.Response period = secA.get("/api/v1/dues/remittances/period?org=" + branchA.id() + "&from="
                + now.minusMonths(2) + "&to=" + now);
        assertThat(period.status()).as(period.body()).isEqualTo(200);
        assertThat(period.json().get(0).get("remittedCents").asLong()).isEqualTo(1250);
        ApiClient.Response bad = secA.post("/api/v1/dues/remittances", Map.of("orgId", branchA.id(),
                "periodFrom", now.toString(), "periodTo", now.minusMonths(1).toString(), "amount", -1,
                "paidOn", LocalDate.now().toString(), "receiptNo", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).containsKeys("periodTo", "amount", "receiptNo");
    }
}
