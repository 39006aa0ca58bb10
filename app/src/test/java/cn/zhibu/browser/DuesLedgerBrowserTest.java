package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.support.DuesBillFixture;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.YearMonth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch's ledger in the browser, on a 390×844 phone and on the desktop: the demo secretary records a payment
 * for a member of the branch with open bills on /dues/pay, finds it in the member's ledger with the month's bill
 * paid, reverses it after the confirmation page and the bill is open again; then records a 上缴 to the committee.
 * Every page: no layout problem, no serious axe-core violation.
 */
class DuesLedgerBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired DuesBillFixture bills;

    private final YearMonth now = YearMonth.now();

    @Test
    void on_a_phone_a_secretary_records_a_payment_reverses_it_and_records_a_remittance() {
        journey(newPhonePage(), "手机交费党员", "phone");
    }

    @Test
    void on_the_desktop_a_secretary_records_a_payment_reverses_it_and_records_a_remittance() {
        journey(newDesktopPage(), "桌面交费党员", "desktop");
    }

    private void journey(Page page, String name, String shot) {
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        long member = data.member(branch, name, MemberStatus.FULL).id();
        bills.bills(member, now.minusMonths(1), now, "35.50");
        login(page);

        page.navigate("/dues/pay?member=" + member);
        checked(page, shot + "-pay");
        page.check("#m-" + now);
        page.fill("#receiptNo", "LL-" + shot);
        page.click("#record-payment");
        page.waitForURL("**/dues/members/" + member + "/ledger");
        assertThat(page.locator(".alert-dismissible")).containsText("已登记党费 35.50元");
        assertThat(page.locator("#ledger-table")).containsText("LL-" + shot);
        assertThat(page.locator("#bill-" + now + " .bill-status")).hasText("已交");
        assertThat(page.locator("#bill-" + now.minusMonths(1) + " .bill-status")).hasText("未交");
        checked(page, shot + "-ledger");

        page.locator("#ledger-table a:has-text('冲正')").first().click();
        page.fill("#reason", "收据号登记错误");
        page.click("#reverse");
        assertThat(page.locator("#confirm-question")).containsText("确定冲正这笔账目吗");
        checked(page, shot + "-reverse-confirm");
        page.click("#confirm");
        page.waitForURL("**/dues/members/" + member + "/ledger");
        assertThat(page.locator(".alert-dismissible")).containsText("-35.50元");
        assertThat(page.locator("#bill-" + now + " .bill-status")).hasText("未交");
        assertThat(page.locator("#ledger-table")).containsText("已冲正");
        assertThat(jdbc.sql("select count(*) from dues_bill where member_id = ? and status = 'OPEN'").param(member)
                .query(Long.class).single()).isEqualTo(2);

        page.navigate("/dues/remittances?org=" + branch);
        checked(page, shot + "-remittances");
        page.click("#new-remittance");
        checked(page, shot + "-remittance-form");
        page.fill("#amount", "12.30");
        page.fill("#receiptNo", "SJ-" + shot);
        page.click("#record-remittance");
        assertThat(page.locator("#confirm-question")).containsText("确定登记这笔上缴吗");
        page.click("#confirm");
        page.waitForURL("**/dues/remittances?org=" + branch);
        assertThat(page.locator(".alert-dismissible")).containsText("已登记上缴 12.30元");
        assertThat(page.locator("#remittance-table")).containsText("SJ-" + shot);
        checked(page, shot + "-remittances-after");
    }

    private static void login(Page page) {
        BrowserSupport.loginOnPhone(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
    }

    private static void checked(Page page, String shot) {
        page.waitForLoadState(LoadState.LOAD);
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/dues-" + shot + ".png"))
                .setFullPage(true));
    }
}
