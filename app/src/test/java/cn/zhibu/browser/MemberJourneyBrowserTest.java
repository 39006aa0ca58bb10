package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A branch secretary's everyday journey, in a real browser over real HTTP. */
class MemberJourneyBrowserTest extends BrowserTestBase {

    @Test
    void secretary_finds_a_member_by_pinyin_initials_edits_a_field_and_sees_it_saved() {
        Page page = newPage();
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);

        page.click("a.nav-link[href='/members']");
        page.waitForURL("**/members");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.locator("#q").pressSequentially(DemoAccounts.SEARCHABLE_INITIALS);
        // The list narrows as the user types (htmx), without a page load.
        assertThat(page.locator("#member-table tbody tr")).hasCount(1);
        assertThat(page.locator("#result-count")).hasText("共 1 名党员");
        page.click("#member-table a.member-link");

        assertThat(page.locator("#member-name")).hasText(DemoAccounts.SEARCHABLE_NAME);
        assertThat(page.locator("#member-id-number")).containsText("**********");
        page.click("#edit-member");
        page.fill("#jobTitle", "二级调研员");
        page.click("#save");

        assertThat(page.locator("#member-job-title")).hasText("二级调研员");
        assertThat(page.locator(".alert-success")).containsText("已保存");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/member-saved.png")));

        page.click("#logout");
        assertThat(page.locator(".alert-info")).containsText("已安全退出");
        page.navigate("/members");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    }

    @Test
    void a_bad_id_number_is_refused_with_a_chinese_message_naming_the_field() {
        Page page = newPage();
        BrowserSupport.login(page, DemoAccounts.ORG_ADMIN, DemoAccounts.PASSWORD);
        page.navigate("/members");
        page.click("text=录入党员");
        page.fill("#name", "测试录入");
        page.fill("#idNumber", "110101199003071234");
        page.click("#save");
        assertThat(page.locator("#idNumber + .invalid-feedback")).containsText("校验位");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/member-invalid.png")));
    }
}
