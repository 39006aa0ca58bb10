package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit log an 组织管理员 reads on a phone: in Chinese, filtered, linked, exported. */
class AuditPageBrowserTest extends BrowserTestBase {

    @Test
    void an_org_admin_reads_filters_follows_and_exports_the_audit_log_at_390_px() {
        Page page = newPage();
        BrowserSupport.login(page, DemoAccounts.ORG_ADMIN, DemoAccounts.PASSWORD);
        page.navigate("/audit");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/audit-1280.png")));
        page.setViewportSize(390, 844);
        page.navigate("/audit");
        assertThat(page.locator("h1")).hasText("审计日志");
        assertThat(page.locator("#audit-entries tbody tr").first()).isVisible();
        noHorizontalScroll(page);
        // no raw JSON and no codes where a person reads
        assertThat(page.locator("#audit-entries").textContent()).doesNotContain("{\"").doesNotContain("APPLICANT")
                .doesNotContain("BRANCH");

        page.selectOption("#f-action", "党员.录入");
        page.click("#audit-filter button[type=submit]");
        page.waitForURL("**/audit?**action=**");
        Locator actions = page.locator("#audit-entries td[data-label=操作]");
        assertThat(actions.count()).isPositive();
        for (String text : actions.allTextContents()) {
            assertThat(text).contains("录入党员");
        }
        assertThat(page.locator("#audit-entries td[data-label=修改内容]").first()).containsText("性别：");
        assertThat(page.locator("#export-button")).isEnabled();
        Download export = page.waitForDownload(() -> page.click("#export-button"));
        assertThat(export.suggestedFilename()).startsWith("审计日志-").endsWith(".xlsx");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/audit-390.png")).setFullPage(false));

        page.locator("a.zb-record-link").first().click();
        page.waitForURL("**/members/**");
        assertThat(page.locator("#member-name")).isVisible();

        page.navigate("/audit?from=2026-05-02&to=2026-05-01");
        assertThat(page.locator("#f-to-error")).containsText("不能早于开始日期");
        assertThat(page.locator("#f-to")).hasAttribute("aria-invalid", "true");
        noHorizontalScroll(page);
    }

    private static void noHorizontalScroll(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }
}
