package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An administrator sets up a branch, records its committee, moves it to another committee and dissolves it. */
class OrganizationLifecycleBrowserTest extends BrowserTestBase {

    @Test
    void admin_creates_a_branch_records_its_committee_moves_and_dissolves_it() {
        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);

        page.navigate("/orgs");
        page.click(".zb-tree a:has-text('发改委机关党委')");
        assertThat(page.locator("#org-name")).hasText(DemoAccounts.ORG_ADMIN_COMMITTEE);
        page.click("text=设立下级组织");
        page.fill("#name", "浏览器测试党支部");
        page.selectOption("#type", "BRANCH");
        page.click("#save");
        assertThat(page.locator("#org-name")).hasText("浏览器测试党支部");
        // An empty branch breaks B1 and says so.
        assertThat(page.locator("#org-warnings")).containsText("B1");

        page.fill("#termStart", LocalDate.now().minusMonths(1).toString());
        page.fill("#termEnd", LocalDate.now().plusMonths(3).toString());
        page.click("form[action$='/committee/term'] button");
        assertThat(page.locator("#committee")).containsText("任期");
        assertThat(page.locator("#org-warnings")).containsText("届满");
        page.fill("#personName", "王测试");
        page.selectOption("#position", "SECRETARY");
        page.click("form[action$='/committee/seats'] button");
        assertThat(page.locator("#committee table")).containsText("王测试");

        // Move it under the 党总支 of another 基层党委, found by name.
        page.click("text=调整隶属");
        page.fill("input[name=q]", "考试院党总支");
        page.press("input[name=q]", "Enter");
        page.locator("input[name=parentId]").first().check();
        page.click("text=确认调整");
        assertThat(page.locator(".alert-success")).containsText("已调整隶属关系");
        assertThat(page.locator(".breadcrumb")).containsText("考试院党总支");

        page.click("#org-actions a:has-text('撤销')");
        page.fill("#reason", "浏览器测试：任务结束");
        page.click("button:has-text('撤销')");
        assertThat(page.locator(".alert-success")).containsText("已撤销");
        assertThat(page).hasURL(Pattern.compile(".*/orgs/\\d+\\?dissolved"));
    }
}
