package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.publishing.PublicityDraft;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The inbox is the first screen: the secretary sees what is due with its rule and a link to do it, the badge counts
 * what is theirs, and the dashboard is one click away; a member on a phone (390 px) sees the 公示 asking for their
 * opinion as a card, opens it from there, and it leaves the inbox once they have commented.
 */
class InboxBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired PublicityService publicity;

    private Page as(String user) {
        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, user, DemoAccounts.PASSWORD);
        return page;
    }

    @Test
    void the_secretary_lands_on_the_inbox_with_the_badge_and_reaches_the_dashboard_in_one_click() {
        Page page = as(DemoAccounts.SECRETARY);
        page.navigate("/");
        assertThat(page.locator("h1")).hasText("我的待办");
        assertThat(page.locator("#nav-inbox")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#inbox-items .inbox-item").first()).isVisible();
        assertThat(page.locator("#inbox-items")).containsText("需我办理");
        assertThat(page.locator("#inbox-badge")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/inbox-secretary.png")));

        page.click("#tab-mine");
        assertThat(page.locator("#tab-mine")).hasAttribute("aria-current", "page");
        page.locator("#inbox-items .zb-card-action a").first().click();
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*/inbox.*"));

        page.navigate("/");
        page.click("nav a[href='/dashboard']");
        assertThat(page.locator("#kpi-total")).isVisible();
        assertThat(page.locator("nav a[href='/dashboard']")).hasAttribute("aria-current", "page");
    }

    @Test
    void a_member_on_a_phone_sees_the_publicity_asking_for_their_opinion_until_they_give_it() {
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        String title = "关于转正的公示（待办浏览器测试）";
        long id = publicity.publish(TestData.SYSTEM, new PublicityDraft(branch, title, "公示内容", LocalDate.now(), 5,
                null, null)).id();

        Page page = as(DemoAccounts.MEMBER);
        page.setViewportSize(390, 844);
        page.navigate("/");
        assertThat(page.locator("h1")).hasText("我的待办");
        assertThat(page.locator("#to-me")).isVisible();
        var card = page.locator("#inbox-items .inbox-item").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(title));
        assertThat(card).isVisible();
        assertThat(card.locator(".zb-card-action a")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")).as("no horizontal scrolling").isTrue();
        assertThat(page.locator("#inbox-count-phone .badge")).isVisible(); // the menu is folded: the count beside it
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/inbox-member-390.png")));

        card.locator(".zb-card-action a").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/publicity/" + id + "$"));
        page.fill("#text", "同意公示对象转正。");
        // the comment's POST answered before leaving the page, or the navigation could cancel it
        page.waitForResponse(r -> "POST".equals(r.request().method()), () -> page.click("#submit-comment"));
        page.navigate("/");
        assertThat(page.locator("#inbox")).not().containsText(title);
    }
}
