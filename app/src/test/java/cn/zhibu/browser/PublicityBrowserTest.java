package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.platform.WorkingDays;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A 公示 from publication to withdrawal: the secretary publishes with the end date shown as the form is filled, a
 * member of the branch comments anonymously, the secretary reads it without the name and withdraws the notice.
 */
class PublicityBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired WorkingDays workingDays;

    private Page as(String user) {
        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, user, DemoAccounts.PASSWORD);
        return page;
    }

    @Test
    void a_secretary_publishes_a_member_comments_anonymously_and_the_secretary_withdraws() {
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        String title = "关于确定发展对象的公示（浏览器测试）";

        Page secretary = as(DemoAccounts.SECRETARY);
        secretary.navigate("/publicity");
        secretary.click("#new-publicity");
        secretary.selectOption("#orgId", Long.toString(branch));
        secretary.fill("#title", title);
        secretary.fill("#body", "经支部委员会研究，拟确定张某某同志为发展对象。\n公示期内如有意见，请向党支部反映。");
        secretary.fill("#workingDays", "7");
        secretary.locator("#workingDays").dispatchEvent("change");
        LocalDate ends = workingDays.lastDayOfPeriod(LocalDate.now(), 7);
        assertThat(secretary.locator("#period-ends")).hasText(ends.toString());
        secretary.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/publicity-form.png"))
                .setFullPage(true));
        secretary.click("#publish");
        assertThat(secretary.locator("h1")).hasText(title);
        assertThat(secretary.locator("#publicity-period")).containsText(LocalDate.now() + " 至 " + ends);
        assertThat(secretary.locator("#publicity-period")).containsText("7 个工作日");
        String url = secretary.url();

        Page member = as(DemoAccounts.MEMBER);
        member.navigate("/publicity");
        member.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/publicity-list.png")));
        member.locator("a.publicity-item").filter(new Locator.FilterOptions().setHasText(title)).click();
        assertThat(member.locator("#withdraw-form")).hasCount(0);
        member.fill("#text", "建议补充其参加集中培训的情况。");
        member.check("#anonymous");
        member.click("#submit-comment");
        assertThat(member.locator(".alert-dismissible")).containsText("已提交意见");
        assertThat(member.locator(".publicity-comment")).hasCount(1);
        assertThat(member.locator(".publicity-comment")).containsText("我");

        secretary.navigate(url);
        Locator comment = secretary.locator(".publicity-comment");
        assertThat(comment).hasCount(1);
        assertThat(comment).containsText("匿名");
        assertThat(comment).not().containsText(DemoAccounts.MEMBER_NAME);
        assertThat(comment).containsText("集中培训");
        secretary.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/publicity-comments.png"))
                .setFullPage(true));
        secretary.fill("#withdraw-form input[name=reason]", "材料需要补充，重新公示");
        secretary.click("#withdraw-form button");
        assertThat(secretary.locator("#publicity .publicity-status")).hasText("已撤回");
        assertThat(secretary.locator("#withdrawn-note")).containsText("材料需要补充");
        assertThat(secretary.locator("#comment-form")).hasCount(0);
    }

    @Test
    void the_administrator_keeps_the_holiday_calendar() {
        Page admin = as(DemoAccounts.ADMIN);
        admin.navigate("/");
        assertThat(admin.locator("nav a[href='/admin/calendar']")).hasText("节假日");
        admin.navigate("/admin/calendar?year=2025");
        assertThat(admin.locator("#day-2025-09-28")).containsText("调休上班");
        assertThat(admin.locator("#year-summary")).containsText("全年工作日 248 天");
        admin.fill("#day", "2032-06-05");
        admin.selectOption("#kind", "WORKDAY");
        admin.fill("#name", "浏览器测试调休");
        admin.click("#save-day");
        assertThat(admin.locator("#day-2032-06-05")).containsText("浏览器测试调休");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/calendar.png")).setFullPage(true));
        admin.locator("#day-2032-06-05 button").click();
        assertThat(admin.locator("#day-2032-06-05")).hasCount(0);
        assertThat(admin.locator("#year-unknown")).isVisible();
    }
}
