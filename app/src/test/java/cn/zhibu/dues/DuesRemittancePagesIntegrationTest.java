package cn.zhibu.dues;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 上缴 pages: a branch records a remittance to its committee behind a confirmation, lists it (paged), and the
 * committee sees per child what was collected and remitted in the period; another subtree's secretary gets 404 on
 * every page and nothing of theirs changes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesRemittancePagesIntegrationTest {

    private static final String PASSWORD = "Scope@DuesRemit2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DuesBillFixture bills;
    @Autowired DuesLedger ledger;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committeeA;
    Organization branchA;
    Organization branchB;
    String suffix;
    final YearMonth now = YearMonth.now();

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committeeA = data.committee("上缴页甲党委" + suffix);
        branchA = data.org(committeeA.id(), "上缴页甲支部", OrganizationType.BRANCH);
        Organization committeeB = data.committee("上缴页乙党委" + suffix);
        branchB = data.org(committeeB.id(), "上缴页乙支部", OrganizationType.BRANCH);
        Member a = data.member(branchA.id(), "上缴页甲党员", MemberStatus.FULL);
        bills.bills(a.id(), now, now, "40.00");
        ledger.record(TestData.SYSTEM, new RecordedPayment(a.id(), List.of(now), PaymentMethod.CASH, "SJ-9", Payer.SELF,
                null, LocalDate.now(), null, null));
        accounts.create("rsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("rcomA" + suffix, PASSWORD, "甲党委书记", null, List.of(new RoleGrant(Role.SECRETARY, committeeA.id())));
        accounts.create("rsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
    }

    private BrowserSession session(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private Map<String, String> form(long org, String amount, String receipt) {
        Map<String, String> form = new HashMap<>();
        form.put("org", Long.toString(org));
        form.put("periodFrom", now.toString());
        form.put("periodTo", now.toString());
        form.put("amount", amount);
        form.put("paidOn", LocalDate.now().toString());
        form.put("receiptNo", receipt);
        return form;
    }

    private long remittancesOf(long org) {
        return jdbc.sql("select count(*) from dues_entry where org_id = ? and kind = 'REMITTANCE'").param(org)
                .query(Long.class).single();
    }

    @Test
    void a_branch_records_a_remittance_after_confirming_and_the_committee_sees_it_against_what_was_collected() {
        BrowserSession sec = session("rsecA");
        BrowserSession.Page empty = sec.get("/dues/remittances?org=" + branchA.id());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("no-remittances", "上缴页甲党委" + suffix, "40.00");
        assertThat(sec.get("/dues/remittances/new?org=" + branchA.id()).body()).contains("remittance-form");

        BrowserSession.Page refused = sec.post("/dues/remittances", form(branchA.id(), "-3", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("请填写大于0的上缴金额", "请填写上级党委开具的收据号");
        Map<String, String> badMonth = form(branchA.id(), "30.00", "R-1");
        badMonth.put("periodFrom", "2026-13");
        assertThat(sec.post("/dues/remittances", badMonth).body()).contains("月份格式为 年-月");

        BrowserSession.Page confirm = sec.post("/dues/remittances", form(branchA.id(), "30.00", "SJ-上缴-7"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("确定登记这笔上缴吗", "上缴页甲党委" + suffix, "30.00元");
        assertThat(remittancesOf(branchA.id())).isZero();
        Map<String, String> revise = form(branchA.id(), "30.00", "SJ-上缴-7");
        revise.put("revise", "true");
        assertThat(sec.post("/dues/remittances", revise).body()).contains("remittance-form", "SJ-上缴-7");
        Map<String, String> confirmed = form(branchA.id(), "30.00", "SJ-上缴-7");
        confirmed.put("confirmed", "true");
        BrowserSession.Page done = sec.post("/dues/remittances", confirmed);
        assertThat(done.status()).isEqualTo(302);
        assertThat(remittancesOf(branchA.id())).isEqualTo(1);
        assertThat(sec.get("/dues/remittances?org=" + branchA.id()).body()).contains("remittance-table", "SJ-上缴-7");

        BrowserSession.Page committee = session("rcomA").get("/dues/remittances?org=" + committeeA.id()
                + "&from=" + now + "&to=" + now);
        assertThat(committee.status()).isEqualTo(200);
        // the committee's own line and its branch's: collected 40.00, remitted 30.00, 10.00 still to remit
        assertThat(committee.body()).contains("period-" + branchA.id(), "40.00", "30.00", "10.00");
        assertThat(committee.body()).contains("no-remittances", "最高一级的党组织没有可上缴的上级党委");
    }

    @Test
    void the_remittance_list_pages() {
        BrowserSession.Page page = session("rsecA").get("/dues/remittances?org=" + branchA.id() + "&page=1001");
        assertThat(page.status()).isEqualTo(400);
        BrowserSession.Page badPeriod = session("rsecA").get("/dues/remittances?org=" + branchA.id()
                + "&from=" + now + "&to=" + now.minusMonths(1));
        assertThat(badPeriod.status()).isEqualTo(200);
        assertThat(badPeriod.body()).contains("no-period", "截止月份不早于起始月份");
    }

    @Test
    void another_subtree_gets_404_on_every_remittance_page_and_nothing_changes() {
        BrowserSession secB = session("rsecB");
        long before = remittancesOf(branchA.id());
        for (String path : List.of("/dues/remittances?org=" + branchA.id(), "/dues/remittances?org=" + committeeA.id(),
                "/dues/remittances/new?org=" + branchA.id())) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("上缴页甲");
        }
        Map<String, String> confirmed = form(branchA.id(), "1.00", "X");
        confirmed.put("confirmed", "true");
        assertThat(secB.post("/dues/remittances", confirmed).status()).isEqualTo(404);
        assertThat(remittancesOf(branchA.id())).isEqualTo(before);
        // the branch's secretary does not reach up to the committee's page either
        assertThat(session("rsecA").get("/dues/remittances?org=" + committeeA.id()).status()).isEqualTo(404);
    }
}
