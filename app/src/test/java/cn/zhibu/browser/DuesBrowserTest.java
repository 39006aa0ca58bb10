package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.dues.DuesFixture;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 党费 pages on a 390 px phone: a member sees what they owe with the 在线交纳 button on screen, the secretary's
 * month, arrears list and landing page are cards without sideways scrolling, and axe-core finds no serious or
 * critical violation on any of them; the secretary records a justification through the form.
 */
class DuesBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired DuesFixture fixture;
    @Autowired cn.zhibu.support.TestData data;
    @Autowired cn.zhibu.identity.UserAccounts accounts;

    private static final String PAYER = "dues-phone-payer";

    long branch;
    long memberId;

    @BeforeAll
    void bills() {
        branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        // a member of their own, two months behind: below the 3 months that would put an item in the demo secretary's inbox
        memberId = data.member(branch, "手机交费", cn.zhibu.member.MemberStatus.FULL).id();
        accounts.create(PAYER, DemoAccounts.PASSWORD, "手机交费", memberId,
                List.of(new cn.zhibu.identity.RoleGrant(cn.zhibu.identity.Role.MEMBER, null)));
        YearMonth last = YearMonth.now().minusMonths(1);
        fixture.bills(memberId, new BigDecimal("18.60"), last.minusMonths(1), last);
    }

    private static void fits(Page page, List<String> found) {
        found.addAll(PageChecks.phoneProblems(page));
    }

    @Test
    void the_dues_pages_fit_a_phone_and_the_member_can_reach_online_payment() {
        List<String> found = new ArrayList<>();
        Page member = phoneAs(PAYER);
        for (String path : List.of("/dues", "/dues/mine")) {
            member.navigate(path);
            fits(member, found);
        }
        assertThat(member.locator("#owed")).containsText("待交 2 个月，共 37.20 元");
        assertThat(member.locator("#pay-online")).isVisible();
        assertThat(member.locator("#pay-online").boundingBox().x + member.locator("#pay-online").boundingBox().width)
                .isLessThanOrEqualTo(390);
        assertThat(member.locator("#pay-online")).hasAttribute("href", "/dues/online/pay");

        Page secretary = phoneAs(DemoAccounts.SECRETARY);
        for (String path : List.of("/dues", "/dues/branch?org=" + branch, "/dues/branch?org=" + branch + "&month="
                + YearMonth.now().minusMonths(1), "/dues/arrears?org=" + branch, "/dues/members/" + memberId,
                "/dues/rollup?org=" + branch)) {
            secretary.navigate(path);
            fits(secretary, found);
        }
        assertThat(found).as(String.join("\n", found)).isEmpty();

        secretary.navigate("/dues/members/" + memberId);
        secretary.click("#justify-submit");
        assertThat(secretary.locator("#reason")).hasAttribute("aria-invalid", "true");
        secretary.fill("#reason", "住院治疗");
        secretary.click("#justify-submit");
        assertThat(secretary.locator("main")).containsText("已登记");
        assertThat(secretary.locator("#bills")).containsText("未交（有正当理由）");
    }
}
