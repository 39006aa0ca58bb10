package cn.zhibu.browser;

import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member pays 党费 on a 390×844 phone through the local fake of WeChat Pay: chooses the months owed, goes to the
 * cashier, taps 确认支付, comes back to the order page which shows 已交纳, and the ledger has the entry, both bills are
 * paid and the branch's and the committee's roll-ups count it. The pages pass the phone checks and axe-core.
 */
class OnlinePaymentBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "Online@Browser2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired FakeWechatPayServer server;
    @Autowired cn.zhibu.dues.DuesFixture bills;

    @Test
    void a_member_pays_two_months_on_a_phone_through_the_fake_provider_and_the_ledger_has_the_entry() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("在线交纳党委" + suffix);
        Organization branch = data.org(committee.id(), "在线交纳支部", OrganizationType.BRANCH);
        Member member = data.member(branch.id(), "在线交纳党员", MemberStatus.FULL);
        accounts.create("pay" + suffix, PASSWORD, "在线交纳党员", member.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        bills.bills(member.id(), new BigDecimal("23.50"), now.minusMonths(1), now);

        Page page = newPhonePage();
        BrowserSupport.loginOnPhone(page, "pay" + suffix, PASSWORD);
        page.navigate("/dues/online/pay");
        page.waitForSelector("#pay-form");
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
        page.check("#m-" + now.minusMonths(1));
        page.check("#m-" + now);
        page.click("#pay-submit");
        page.waitForSelector("#go-pay");
        assertThat(page.textContent("#order-total")).contains("47.00");
        assertThat(page.textContent("#order-status-label")).contains("待支付");
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();

        page.click("#go-pay");
        page.waitForSelector("text=确认支付");
        assertThat(page.url()).startsWith(server.fake().baseUrl() + "/cashier");
        assertThat(page.content()).contains("¥47.00");
        page.click("text=确认支付");

        page.waitForURL("**/dues/online/orders/**");
        page.waitForSelector("#order-status-label:has-text('已交纳')");
        assertThat(page.textContent("#order-status-label")).contains("已交纳");
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();

        long orderId = jdbc.sql("select id from dues_online_order where member_id = ?").param(member.id())
                .query(Long.class).single();
        BigDecimal posted = jdbc.sql("select coalesce(sum(amount), 0) from dues_entry where online_order = ?")
                .param(orderId).query(BigDecimal.class).single();
        assertThat(posted).isEqualByComparingTo("47.00");
        assertThat(jdbc.sql("select count(*) from dues_bill where member_id = ? and status = 'PAID'")
                .param(member.id()).query(Long.class).single()).isEqualTo(2);
        // the branch's collection and the higher committee's roll-up count it (folded or still a delta)
        for (long org : List.of(branch.id(), committee.id())) {
            long paidFen = jdbc.sql("select coalesce(sum(n), 0) from (select n from dues_rollup where org_id = :org"
                            + " and metric = 'PAID' union all select n from dues_rollup_delta where org_id = :org"
                            + " and metric = 'PAID') x").param("org", org).query(Long.class).single();
            assertThat(paidFen).as("PAID at " + org).isEqualTo(4700);
        }
    }
}
