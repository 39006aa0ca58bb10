package cn.zhibu.browser;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.life.checkin.CheckinCodes;
import cn.zhibu.life.checkin.CheckinPurpose;
import cn.zhibu.life.MeetingFixture;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member scans the room screen's code with a 390 px phone while logged out: the phone logs in, comes back, and shows
 * 签到成功; the room screen counts them; the secretary's roll on the phone is cards. axe-core finds nothing serious.
 */
class CheckinBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "Checkin@Phone2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingFixture fixture;
    @Autowired CheckinCodes codes;

    /** No sideways scrolling or crushed text, 44 px touch targets on a phone, nothing serious for axe. */
    private static void assertClean(Page page, boolean phone) {
        page.waitForLoadState(LoadState.LOAD);
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        if (phone) {
            assertThat(PageChecks.smallTouchTargets(page)).as(page.url()).isEmpty();
        }
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
    }

    @Test
    void a_member_scans_the_code_on_a_phone_logs_in_and_sees_the_check_in_done() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("手机签到党委" + suffix);
        Organization branch = data.org(committee.id(), "手机签到支部", OrganizationType.BRANCH);
        Member member = data.member(branch.id(), "手机签到党员", MemberStatus.FULL);
        Member other = data.member(branch.id(), "未到党员", MemberStatus.FULL);
        accounts.create("phone" + suffix, PASSWORD, member.name(), member.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("phonesec" + suffix, PASSWORD, "手机签到书记", null,
                List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        long meeting = fixture.meeting(branch, "十一月主题党日", Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofMinutes(5)), Duration.ofHours(2), List.of(member, other));

        Page screen = newDesktopPage();
        BrowserSupport.login(screen, "phonesec" + suffix, PASSWORD);
        screen.navigate("/life/meetings/" + meeting + "/screen");
        assertThat(screen.locator("#screen-code svg")).isVisible();
        assertThat(screen.locator("#count-in")).hasText("0");
        assertClean(screen, false);

        Page phone = newPhonePage();
        String code = codes.current(meeting, CheckinPurpose.IN, Instant.now()).code();
        phone.navigate("/life/meetings/" + meeting + "/checkin?c=" + code);
        assertThat(phone.locator("#username")).isVisible();
        assertThat(BrowserSupport.submitLoginHere(phone, "phone" + suffix, PASSWORD)).isTrue();
        assertThat(phone.locator("#scan-title")).hasText("签到成功");
        assertThat(phone.locator("#scan-meeting")).hasText("十一月主题党日");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-checkin.png")).setFullPage(true));
        assertClean(phone, true);

        phone.reload();
        assertThat(phone.locator("#scan-title")).hasText("已签到");
        assertThat(phone.locator("#scan-message")).containsText("已签到于");

        // the screen's count polls every 5 s
        assertThat(screen.locator("#count-in")).hasText("1", new com.microsoft.playwright.assertions.LocatorAssertions
                .HasTextOptions().setTimeout(12_000));
        screen.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/checkin-screen.png")));
        // the meeting's page includes the panel
        screen.navigate("/life/meetings/" + meeting);
        assertThat(screen.locator("#attendance-panel")).containsText("已签到 1 人");
        phone.navigate("/life/meetings/" + meeting);
        assertThat(phone.locator("#my-attendance")).containsText("您已于");

        Page secretary = newPhonePage();
        BrowserSupport.loginOnPhone(secretary, "phonesec" + suffix, PASSWORD);
        secretary.navigate("/life/meetings/" + meeting + "/attendance");
        assertThat(secretary.locator("#attendance-totals")).containsText("已签到 1 人");
        assertClean(secretary, true);
        secretary.locator("#attendance-" + other.id() + " a.attendance-entry").click();
        assertThat(secretary.locator("#by-hand-form")).isVisible();
        assertClean(secretary, true);
        secretary.click("#by-hand-submit");
        assertThat(secretary.locator("#hand-reason")).hasAttribute("aria-invalid", "true");
        secretary.fill("#hand-reason", "手机没电，书记现场核实");
        secretary.click("#by-hand-submit");
        secretary.click("#confirm");
        assertThat(secretary.locator("#attendance-" + other.id())).containsText("手工签到：手机签到书记（手机没电，书记现场核实）");
        secretary.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-attendance.png"))
                .setFullPage(true));
    }
}
