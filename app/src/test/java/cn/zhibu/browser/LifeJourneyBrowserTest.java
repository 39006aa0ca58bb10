package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.support.QrCodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey of one 主题党日 (B10), each step through the pages of the role that takes it: the demo branch's
 * secretary schedules it for now on a PC; a member of the branch, on a 390 px phone, finds it in the inbox and checks
 * in through the link of the room screen's QR code (decoded from the screen as a phone's camera would read it); the
 * secretary records the minutes — the roll already counts the member — and confirms them; the branch's compliance
 * counts the meeting for its month, and the 基层党委's 组织管理员 sees the branch's month met on the heat map.
 * <p>
 * The demo data or another test may already have held this month's 主题党日 in the demo branch, so the counts are read
 * before the meeting and the assertions are on what this meeting adds: one more 主题党日 in the month, and the
 * branch's month met on the heat map with the committee's total moved by one if it was not met before.
 * Every page visited passes axe-core; the phone's pages fit 390 px.
 */
class LifeJourneyBrowserTest extends BrowserTestBase {

    private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern TIMES = Pattern.compile("(\\d+)次");
    private static final Pattern MET_OF_DUE = Pattern.compile("(\\d+)/(\\d+)");

    @Autowired JdbcClient jdbc;

    private long orgId(String name) {
        return jdbc.sql("select id from organization where name = ?").param(name).query(Long.class).single();
    }

    /** The committee's child whose subtree holds the branch: the heat map's row for it (the branch itself if direct). */
    private long heatMapRowOf(long committee, long branch) {
        return jdbc.sql("""
                        select c.id from organization c, organization b
                        where c.parent_id = ? and b.id = ? and starts_with(b.path, c.path)""")
                .params(committee, branch).query(Long.class).single();
    }

    private static Page as(Page page, String user) {
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.loginOnPhone(page, user, DemoAccounts.PASSWORD);
        return page;
    }

    private static void assertAccessible(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        PageChecks.waitForHtmx(page);
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
    }

    private static void assertFitsThePhone(Page page) {
        assertAccessible(page);
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.smallTouchTargets(page)).as(page.url()).isEmpty();
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/journey-" + name + ".png"))
                .setFullPage(true));
    }

    /** The 主题党日 cell of the month in a year page of compliance (the 每月 table). */
    private static Locator themeDayCell(Page page, YearMonth month) {
        return page.locator("#monthly tbody tr").nth(month.getMonthValue() - 1).locator("td[data-label='主题党日']");
    }

    /** How many 主题党日 the cell counts ("2次"); none is shown as no count. */
    private static int timesHeld(Locator cell) {
        Matcher m = TIMES.matcher(cell.innerText());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The month's cell of a heat map row: the organizations met and due, as the cell says it in words. */
    private static int[] metOfDue(Locator row, YearMonth month) {
        String text = row.locator("td").nth(month.getMonthValue()).innerText();
        Matcher m = MET_OF_DUE.matcher(text);
        assertThat(m.find()).as("met/due in the heat map cell \"%s\"", text).isTrue();
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static Locator heatMapRow(Page page, long orgId) {
        return page.locator("#heatmap tr.zb-heatmap-row").filter(new Locator.FilterOptions()
                .setHas(page.locator("a[href^='/life/compliance?org=" + orgId + "&']")));
    }

    @Test
    void B10_a_theme_day_scheduled_attended_by_qr_on_a_phone_and_recorded_counts_for_the_branch_and_its_committee() {
        long branch = orgId(DemoAccounts.SECRETARY_BRANCH);
        long committee = orgId(DemoAccounts.ORG_ADMIN_COMMITTEE);
        long row = heatMapRowOf(committee, branch);
        long memberId = jdbc.sql("select member_id from app_user where username = ?").param(DemoAccounts.MEMBER)
                .query(Long.class).single();
        // started two minutes ago (check-in is open, the record may be written), never on yesterday's date
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime start = now.minusMinutes(2).isBefore(now.toLocalDate().atStartOfDay())
                ? now.toLocalDate().atStartOfDay() : now.minusMinutes(2);
        YearMonth month = YearMonth.from(start);
        String title = month.getMonthValue() + "月主题党日：重温入党誓词（" + System.nanoTime() % 1_000_000 + "）";
        String yearPage = "/life/compliance?org=" + branch + "&year=" + month.getYear();
        String heatMap = "/life/compliance?org=" + committee + "&year=" + month.getYear() + "&kind=THEME_DAY";

        // before: what the branch's month and the committee's heat map say without this meeting
        Page secretary = as(newDesktopPage(), DemoAccounts.SECRETARY);
        secretary.navigate(yearPage);
        assertThat(secretary.locator("#compliance-title")).containsText(DemoAccounts.SECRETARY_BRANCH);
        Locator before = themeDayCell(secretary, month);
        int heldBefore = timesHeld(before);
        // met on the heat map: held, or exempted from above
        boolean branchMetBefore = before.locator(".zb-status").innerText().matches("已开展|已豁免");
        Page orgAdmin = as(newDesktopPage(), DemoAccounts.ORG_ADMIN);
        orgAdmin.navigate(heatMap);
        int[] rowBefore = metOfDue(heatMapRow(orgAdmin, row), month);
        int[] totalBefore = metOfDue(orgAdmin.locator("#heatmap tr.zb-heatmap-total"), month);
        if (row == branch) {
            assertThat(rowBefore).as("the branch's row agrees with its year").containsExactly(branchMetBefore ? 1 : 0, 1);
        }

        // 1. the secretary schedules the 主题党日 on the form
        secretary.navigate("/life/meetings/new");
        secretary.selectOption("#orgId", Long.toString(branch));
        secretary.locator("#kind-THEME_DAY").waitFor();
        PageChecks.waitForHtmx(secretary);
        secretary.fill("#title", title);
        secretary.check("#kind-THEME_DAY");
        secretary.fill("#startsAt", FORM_TIME.format(start));
        secretary.fill("#endsAt", FORM_TIME.format(start.plusHours(2)));
        secretary.fill("#place", "机关党员活动室");
        secretary.fill("#agenda", "一、重温入党誓词\n二、交流学习体会");
        assertAccessible(secretary);
        secretary.click("#save-meeting");
        assertThat(secretary.locator("#meeting-title")).hasText(title);
        assertThat(secretary.locator(".alert-dismissible")).containsText("已安排会议");
        long meeting = Long.parseLong(secretary.url().replaceAll(".*/life/meetings/(\\d+).*", "$1"));
        assertThat(secretary.locator("#invitee-table")).containsText(DemoAccounts.MEMBER_NAME);
        assertAccessible(secretary);
        shoot(secretary, "scheduled");

        // 2. the member finds it in the inbox on the phone, and scans the room screen's code
        Page phone = as(newPhonePage(), DemoAccounts.MEMBER);
        phone.navigate("/");
        Locator card = phone.locator("#inbox-items .inbox-item").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(card).isVisible();
        assertThat(card).containsText("请确认参加或请假");
        assertFitsThePhone(phone);
        shoot(phone, "phone-inbox");
        card.locator(".zb-card-action a").click();
        assertThat(phone.locator("#meeting-title")).hasText(title);
        assertFitsThePhone(phone);

        secretary.locator("#open-screen").click();
        assertThat(secretary.locator("#screen-title")).hasText(title);
        assertThat(secretary.locator("#count-in")).hasText("0");
        assertThat(secretary.locator("#screen-note")).hasCount(0); // check-in is open: no "开始于" or "截止" note
        assertAccessible(secretary);
        String link = QrCodes.decode((String) secretary.locator("#screen-code svg").evaluate("svg => svg.outerHTML"));
        assertThat(link).startsWith("http://localhost:" + port + "/life/meetings/" + meeting + "/checkin?c=" + meeting + ".I.");
        phone.navigate(link);
        assertThat(phone.locator("#scan-title")).hasText("签到成功");
        assertThat(phone.locator("#scan-meeting")).hasText(title);
        assertFitsThePhone(phone);
        shoot(phone, "phone-checked-in");
        // the screen's count polls every 5 s
        assertThat(secretary.locator("#count-in")).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(12_000));

        // 3. the secretary records the minutes (the member is on the roll as checked in) and confirms them
        secretary.navigate("/life/meetings/" + meeting + "/record");
        secretary.locator(".ql-editor").waitFor();
        assertThat(secretary.locator("#present-" + memberId)).isChecked();
        assertThat(secretary.locator("#present-" + memberId)).isDisabled();
        assertAccessible(secretary);
        secretary.fill("#chair", DemoAccounts.SECRETARY_NAME);
        secretary.fill("#minutesTaker", DemoAccounts.MEMBER_NAME);
        secretary.locator(".ql-editor").click();
        secretary.keyboard().type("全体党员面向党旗重温入党誓词，交流学习体会。");
        secretary.fill("#resolutions", "每月主题党日固定在当月中旬举行");
        secretary.click("#save-record");
        assertThat(secretary.locator(".alert-dismissible")).containsText("已保存会议记录");
        secretary.click("#confirm-record");
        assertThat(secretary.locator("#confirm-question")).containsText("不能撤销");
        assertThat(secretary.locator("#confirm-summary")).containsText("实到1人");
        assertAccessible(secretary);
        secretary.click("#confirm");
        assertThat(secretary.locator("#record-locked")).containsText("确认并锁定");
        assertThat(secretary.locator("#minutes-view")).containsText("重温入党誓词");
        assertAccessible(secretary);
        shoot(secretary, "confirmed");

        // 4. the branch's compliance: the month's 主题党日 held, one more than before
        secretary.navigate(yearPage);
        Locator cell = themeDayCell(secretary, month);
        assertThat(cell.locator(".zb-status")).hasText("已开展");
        assertThat(timesHeld(cell)).as("主题党日 held in %s", month).isEqualTo(heldBefore + 1);
        assertAccessible(secretary);
        shoot(secretary, "branch-year");

        // 5. the 基层党委 sees it on its heat map, and in the branch's year it drills into
        orgAdmin.navigate(heatMap);
        Locator heatRow = heatMapRow(orgAdmin, row);
        int[] rowAfter = metOfDue(heatRow, month);
        int[] totalAfter = metOfDue(orgAdmin.locator("#heatmap tr.zb-heatmap-total"), month);
        if (row == branch) {
            assertThat(rowAfter).as("the branch's row in %s", month).containsExactly(1, 1);
            assertThat(heatRow.locator("td").nth(month.getMonthValue())).containsText("100%");
        } else {
            assertThat(rowAfter[0]).as("met in the row holding the branch").isEqualTo(rowBefore[0] + (branchMetBefore ? 0 : 1));
        }
        assertThat(totalAfter[0]).as("met in the committee's total").isEqualTo(totalBefore[0] + (branchMetBefore ? 0 : 1));
        assertThat(totalAfter[1]).as("due in the committee's total").isEqualTo(totalBefore[1]);
        assertAccessible(orgAdmin);
        shoot(orgAdmin, "heatmap");
        orgAdmin.navigate(yearPage);
        assertThat(orgAdmin.locator("#compliance-title")).containsText(DemoAccounts.SECRETARY_BRANCH);
        assertThat(timesHeld(themeDayCell(orgAdmin, month))).isEqualTo(heldBefore + 1);
    }
}
