package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.support.LifeMeetingFixture;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 组织生活考核 in the browser: the committee drills from its heat map into a branch's year and grants an exemption
 * there (revoked after a confirmation); the secretary's year and the committee's heat map and list on a 390 px phone
 * are cards without sideways scrolling; axe-core finds nothing serious on any of them.
 */
class ComplianceBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired OrganizationService organizations;
    @Autowired LifeMeetingFixture meetings;
    @Autowired TestData data;

    private Organization branch;
    private long committee;

    @BeforeAll
    void meetingsOfTheDemoBranch() {
        long id = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        committee = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.ORG_ADMIN_COMMITTEE)
                .query(Long.class).single();
        branch = organizations.get(TestData.SYSTEM, id);
        // A name as long as real ones get: its type label must wrap below it on a phone, not be squeezed into a column.
        data.org(committee, "某某市某某区某某街道某某社区第一网格退休党员党支部", cn.zhibu.organization.OrganizationType.BRANCH);
        YearMonth last = YearMonth.now().minusMonths(1);
        meetings.held(branch, last.atDay(10), 22, 20, MeetingKind.THEME_DAY);
        meetings.late(branch, last.atDay(12), 22, 18, MeetingKind.GENERAL_ASSEMBLY, MeetingKind.LECTURE);
    }

    private Page as(Page page, String user) {
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.loginOnPhone(page, user, DemoAccounts.PASSWORD);
        return page;
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/compliance-" + name + ".png"))
                .setFullPage(true));
    }

    private static void assertAccessible(Page page) {
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
    }

    private static void assertFitsThePhone(Page page) {
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.smallTouchTargets(page)).as(page.url()).isEmpty();
        assertAccessible(page);
    }

    @Test
    void the_committee_drills_from_its_heat_map_into_a_branch_and_exempts_it_from_above() {
        Page admin = as(newDesktopPage(), DemoAccounts.ORG_ADMIN);
        admin.navigate("/life/compliance");
        assertThat(admin.locator("#compliance-title")).containsText(DemoAccounts.ORG_ADMIN_COMMITTEE);
        assertThat(admin.locator("#heatmap-explained")).containsText("不作排名");
        assertAccessible(admin);
        shoot(admin, "heatmap");
        admin.locator("#heatmap a").filter(new Locator.FilterOptions().setHasText(DemoAccounts.SECRETARY_BRANCH)).click();
        assertThat(admin.locator("#compliance-title")).containsText(DemoAccounts.SECRETARY_BRANCH);
        assertThat(admin.locator("#monthly")).containsText("已开展");
        assertThat(admin.locator("#quarterly .zb-late").first()).containsText("补录");
        assertAccessible(admin);
        shoot(admin, "year");

        admin.click("#exemption-form-box summary");
        admin.click("#grant-exemption");
        assertThat(admin.locator("#reason")).hasAttribute("aria-invalid", "true");
        admin.selectOption("#period", Integer.toString(LocalDate.now().getYear()));
        admin.selectOption("#kind", "APPRAISAL");
        admin.fill("#reason", "本年度已由上级党委统一组织民主评议");
        admin.click("#grant-exemption");
        assertThat(admin.locator(".alert-success")).containsText("已豁免");
        assertThat(admin.locator("#yearly")).containsText("已豁免");
        admin.locator("#exemptions button").filter(new Locator.FilterOptions().setHasText("撤销豁免")).click();
        assertThat(admin.locator("#confirm-question")).containsText("撤销该豁免");
        admin.click("#confirm");
        assertThat(admin.locator(".alert-success")).containsText("已撤销");
        assertThat(admin.locator("#no-exemptions")).isVisible();

        admin.navigate("/life/compliance/behind?org=" + committee);
        assertThat(admin.locator("#behind-title")).containsText("未按要求开展");
        assertAccessible(admin);
        com.microsoft.playwright.Download file = admin.waitForDownload(() -> admin.click("#export-behind"));
        assertThat(file.suggestedFilename()).startsWith("未按要求开展组织生活的组织-").endsWith(".xlsx");
    }

    @Test
    void the_secretary_s_year_and_the_committee_s_views_fit_a_phone() {
        Page secretary = as(newPhonePage(), DemoAccounts.SECRETARY);
        secretary.navigate("/life/compliance");
        assertThat(secretary.locator("#compliance-title")).containsText(DemoAccounts.SECRETARY_BRANCH);
        assertFitsThePhone(secretary);
        shoot(secretary, "phone-year");

        Page admin = as(newPhonePage(), DemoAccounts.ORG_ADMIN);
        admin.navigate("/life/compliance?org=" + committee);
        assertFitsThePhone(admin);
        shoot(admin, "phone-heatmap");
        admin.navigate("/life/compliance/behind?org=" + committee + "&month=" + YearMonth.now().minusMonths(1));
        assertThat(admin.locator("#behind-table")).isVisible();
        assertFitsThePhone(admin);
        shoot(admin, "phone-behind");
    }
}
