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
import cn.zhibu.support.PdfChecks;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dues views across branches: branch A's secretary reads A's member, month, year and arrears, and nothing of
 * branch B's through the API or the pages (404, nothing changed); a member reads only their own dues; the annual
 * statement's QR check answers only with its code; the inbox carries dues to pay and arrears counts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesViewsScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Dues2026";
    private static final BigDecimal AMOUNT = new BigDecimal("25.00");
    private static final YearMonth LAST = YearMonth.now().minusMonths(1);

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DuesFixture fixture;
    @Autowired DuesStatements statements;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committeeA;
    Organization branchA;
    Organization committeeB;
    Organization branchB;
    Member memberA;
    Member payerA;
    Member memberB;
    Member patientA;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committeeA = data.committee("党费视图甲党委" + suffix);
        branchA = data.org(committeeA.id(), "党费视图甲支部", OrganizationType.BRANCH);
        committeeB = data.committee("党费视图乙党委" + suffix);
        branchB = data.org(committeeB.id(), "党费视图乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "甲支部欠费党员", MemberStatus.FULL);
        payerA = data.member(branchA.id(), "甲支部交费党员", MemberStatus.FULL);
        memberB = data.member(branchB.id(), "乙支部秘密党员", MemberStatus.FULL);
        patientA = data.member(branchA.id(), "甲支部住院党员", MemberStatus.FULL);
        YearMonth[] six = IntStream.range(0, 6).mapToObj(i -> LAST.minusMonths(5 - i)).toArray(YearMonth[]::new);
        fixture.bills(memberA.id(), AMOUNT, six);
        fixture.bills(payerA.id(), AMOUNT, LAST);
        fixture.pay(payerA.id(), LAST);
        fixture.bills(memberB.id(), AMOUNT, six);
        fixture.bills(patientA.id(), AMOUNT, six);
        fixture.remit(branchA.id(), committeeA.id(), new BigDecimal("25.00"), LAST, LAST);
        accounts.create("dsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("dcomA" + suffix, PASSWORD, "甲党委组织委员", null,
                List.of(new RoleGrant(Role.SECRETARY, committeeA.id())));
        accounts.create("dselfA" + suffix, PASSWORD, "甲支部欠费党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void the_secretary_reads_the_branch_month_with_its_collection_rate_and_arrears() {
        ApiClient sec = api("dsecA");
        ApiClient.Response r = sec.get("/api/v1/dues/branch?org=" + branchA.id() + "&month=" + LAST);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("due").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(r.json().get("paid").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(r.json().get("ratePercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(r.json().get("arrears").get("removal").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(r.body()).contains("甲支部欠费党员").doesNotContain("乙支部");

        ApiClient.Response list = sec.get("/api/v1/dues/arrears?org=" + branchA.id() + "&min=6");
        assertThat(list.body()).contains("甲支部欠费党员");

        assertThat(sec.get("/api/v1/dues/rollup?org=" + committeeA.id()).status()).isEqualTo(404);
        ApiClient.Response year = api("dcomA").get("/api/v1/dues/rollup?org=" + committeeA.id() + "&year=" + LAST.getYear());
        assertThat(year.status()).as(year.body()).isEqualTo(200);
        assertThat(year.json().get("children").get(0).get("name").asString()).isEqualTo("党费视图甲支部");
        assertThat(year.json().get("total").get("remitted").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(year.json().get("remittances").size()).isEqualTo(1);

        ApiClient.Response export = sec.get("/api/v1/dues/branch/export?org=" + branchA.id() + "&month=" + LAST);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).contains("spreadsheetml");

        BrowserSession secPages = pages("dsecA");
        for (String path : List.of("/dues", "/dues/branch?org=" + branchA.id() + "&month=" + LAST,
                "/dues/arrears?org=" + branchA.id(), "/dues/members/" + memberA.id(),
                "/dues/rollup?org=" + branchA.id())) {
            BrowserSession.Page page = secPages.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("乙支部");
        }
        assertThat(secPages.get("/dues/branch?org=" + branchA.id() + "&month=" + LAST).body())
                .contains("33.3%", "/dues/pay?member=" + memberA.id());
    }

    @Test
    void branch_a_secretary_reaches_nothing_of_branch_b() {
        ApiClient sec = api("dsecA");
        for (String path : List.of("/api/v1/dues/members/" + memberB.id(),
                "/api/v1/dues/members/" + memberB.id() + "/arrears",
                "/api/v1/dues/members/" + memberB.id() + "/statement?year=" + LAST.getYear(),
                "/api/v1/dues/branch?org=" + branchB.id(), "/api/v1/dues/branch/export?org=" + branchB.id(),
                "/api/v1/dues/rollup?org=" + committeeB.id(), "/api/v1/dues/rollup?org=" + committeeA.id(),
                "/api/v1/dues/arrears?org=" + branchB.id(), "/api/v1/dues/arrears/counts?org=" + committeeB.id())) {
            ApiClient.Response r = sec.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("乙支部秘密党员");
        }
        ApiClient.Response write = sec.post("/api/v1/dues/members/" + memberB.id() + "/justifications",
                Map.of("month", LAST.toString(), "reason", "越权登记"));
        assertThat(write.status()).isEqualTo(404);

        BrowserSession secPages = pages("dsecA");
        for (String path : List.of("/dues/members/" + memberB.id(), "/dues/members/" + memberB.id() + "/statement",
                "/dues/branch?org=" + branchB.id(), "/dues/branch/export?org=" + branchB.id(),
                "/dues/rollup?org=" + committeeB.id(), "/dues/arrears?org=" + branchB.id())) {
            BrowserSession.Page page = secPages.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部秘密党员");
        }
        assertThat(secPages.post("/dues/members/" + memberB.id() + "/justifications",
                Map.of("month", LAST.toString(), "reason", "越权登记")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from dues_bill where member_id = ? and justified is not null")
                .param(memberB.id()).query(Long.class).single()).isZero();
    }

    @Test
    void a_member_reads_only_their_own_dues() {
        ApiClient self = api("dselfA");
        ApiClient.Response mine = self.get("/api/v1/dues/mine");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("owed").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(mine.json().get("arrears").get("months").asInt()).isEqualTo(6);
        for (String path : List.of("/api/v1/dues/members/" + payerA.id(), "/api/v1/dues/members/" + memberB.id(),
                "/api/v1/dues/branch?org=" + branchA.id(), "/api/v1/dues/arrears?org=" + branchA.id(),
                "/api/v1/dues/rollup?org=" + committeeA.id())) {
            assertThat(self.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(self.post("/api/v1/dues/members/" + memberA.id() + "/justifications",
                Map.of("month", LAST.toString(), "reason", "自己说明")).status()).isEqualTo(404);

        BrowserSession page = pages("dselfA");
        BrowserSession.Page own = page.get("/dues/mine");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("待交 6 个月，共 150.00 元", "/dues/online/pay").doesNotContain("登记党费");
        assertThat(page.get("/dues/members/" + payerA.id()).status()).isEqualTo(404);

        ApiClient.Response inbox = self.get("/api/v1/inbox");
        assertThat(inbox.body()).contains("待交党费6个月，共150.00元", "/dues/mine");
    }

    @Test
    void the_annual_statement_carries_a_check_that_answers_only_with_its_code() {
        int year = LAST.getYear();
        ApiClient.Response pdf = api("dselfA").get("/api/v1/dues/members/" + memberA.id() + "/statement?year=" + year);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).contains("application/pdf");
        BrowserSession.Page file = pages("dselfA").get("/dues/mine/statement?year=" + year);
        assertThat(file.status()).isEqualTo(200);
        byte[] direct = statements.pdf(TestData.SYSTEM, memberA.id(), year);
        assertThat(PdfChecks.text(direct)).contains(year + "年度党费交纳情况证明", "甲支部欠费党员", "扫码在支部平台核验本证明");
        assertThat(PdfChecks.pdfA1bProblems(direct)).isEmpty();

        BrowserSession anyone = new BrowserSession(port);
        String code = statements.code(memberA.id(), year);
        BrowserSession.Page check = anyone.get("/verify/dues/" + memberA.id() + "/" + year + "?c=" + code);
        assertThat(check.status()).isEqualTo(200);
        long monthsInYear = IntStream.range(0, 6).filter(i -> LAST.minusMonths(i).getYear() == year).count();
        assertThat(check.body()).contains("甲******", AMOUNT.multiply(BigDecimal.valueOf(monthsInYear)) + "元")
                .doesNotContain("甲支部欠费党员");
        assertThat(anyone.get("/verify/dues/" + memberA.id() + "/" + year + "?c=000000000000").status()).isEqualTo(404);
        assertThat(anyone.get("/verify/dues/" + memberB.id() + "/" + year + "?c=" + code).status()).isEqualTo(404);
    }

    @Test
    void the_secretary_records_a_justification_and_the_inbox_counts_follow() {
        ApiClient sec = api("dsecA");
        assertThat(sec.get("/api/v1/inbox?orgId=" + branchA.id()).body()).contains("2名党员连续6个月以上未交纳党费");
        ApiClient.Response bad = sec.post("/api/v1/dues/members/" + patientA.id() + "/justifications",
                Map.of("month", "2026-13", "reason", "住院"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errors()).containsKey("month");
        ApiClient.Response missing = sec.post("/api/v1/dues/members/" + patientA.id() + "/justifications",
                Map.of("month", LAST.minusMonths(2).toString()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errors()).containsKey("reason");
        ApiClient.Response ok = sec.post("/api/v1/dues/members/" + patientA.id() + "/justifications",
                Map.of("month", LAST.minusMonths(2).toString(), "reason", "住院治疗"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("months").asInt()).isEqualTo(2);
        assertThat(sec.get("/api/v1/inbox?orgId=" + branchA.id()).body()).contains("1名党员连续6个月以上未交纳党费");
    }
}
