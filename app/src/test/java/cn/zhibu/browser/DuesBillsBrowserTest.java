package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.YearMonth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 390 px phone, a secretary records a member's 党费 base (the amount shows as the payslip is typed in), then
 * makes the month's bills for the branch after the confirmation, and sees the bill among the cards.
 */
class DuesBillsBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;

    @Test
    void a_secretary_records_a_base_and_makes_the_months_bills_on_a_phone() {
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        // a member of its own: the demo data has already billed this month for the demo members (DemoDues)
        long member = data.member(branch, "出账党员", MemberStatus.FULL).id();
        Page page = newPhonePage();
        BrowserSupport.loginOnPhone(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);

        page.navigate("/dues/members/" + member + "/bases");
        page.selectOption("#category", "SALARIED");
        page.fill("#effectiveMonth", "2026-01");
        page.fill("#countedPay", "9000");
        page.fill("#incomeTax", "200");
        page.fill("#socialInsurance", "1300");
        PageChecks.waitForHtmx(page);
        assertThat(page.locator("#computed")).containsText("每月应交 112.50 元");   // 7500.00 × 1.5%
        assertThat(PageChecks.axeViolations(page)).isEmpty();
        assertThat(PageChecks.layoutProblems(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-dues-base.png"))
                .setFullPage(true));
        page.click("#save-base");
        assertThat(page.locator(".alert-dismissible")).containsText("每月应交112.50元");
        assertThat(page.locator("#base-history")).containsText("112.50元");

        page.navigate("/dues/bills?org=" + branch);
        page.click("#make-bills");
        assertThat(page.locator("#confirm-question")).containsText("确定生成" + YearMonth.now() + "的党费账单吗？");
        page.click("#confirm");
        assertThat(page.locator("#bill-job-status")).containsText("已生成");
        page.click("#back-to-bills");
        // the list pages 20 bills by member id: the new member's is on the last page, after the demo members'
        long before = jdbc.sql("select count(*) from dues_bill where org_id = ? and month = ? and member_id < ?")
                .params(branch, YearMonth.now().atDay(1), member).query(Long.class).single();
        page.navigate("/dues/bills?org=" + branch + "&page=" + before / 20);
        assertThat(page.locator("#bill-table")).containsText("112.50元");
        assertThat(PageChecks.axeViolations(page)).isEmpty();
        assertThat(PageChecks.layoutProblems(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-dues-bills.png"))
                .setFullPage(true));
    }
}
