package cn.zhibu.browser;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.classes.ClassCheck;
import cn.zhibu.learning.classes.ClassCodes;
import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 培训班 session on 390 px phones: the organizer opens the session's QR screen (a signed code drawn as SVG, the
 * count 已签到 0 / 应到 1); the member, logged out, opens the code's link, logs in, sees 签到成功, then the check-out
 * code's link and 签退成功; the screen counts them; the organizer's sheet (cards on the phone) shows 已签退; the
 * member's own class page shows the attendance. axe-core finds nothing serious on any of these pages.
 */
class ClassCheckinBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "Class@Phone2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired ClassService classes;
    @Autowired ClassCodes codes;

    private static void assertClean(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.smallTouchTargets(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
    }

    @Test
    void the_member_checks_in_and_out_on_a_phone_and_the_sheet_shows_it() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization branch = data.org(data.committee("培训签到党委" + suffix).id(), "培训签到支部", OrganizationType.BRANCH);
        Member member = data.member(branch.id(), "培训签到党员", MemberStatus.FULL);
        accounts.create("cphone" + suffix, PASSWORD, member.name(), member.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("cphonesec" + suffix, PASSWORD, "培训签到书记", null,
                List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        LocalDate today = LocalDate.now(PlatformClock.ZONE);
        TrainingClass c = classes.open(SYSTEM, new ClassDraft(branch.id(), "手机签到培训班", "党校报告厅", today,
                today.plusDays(1), true));
        LocalDateTime now = LocalDateTime.now(PlatformClock.ZONE).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime start = now.minusMinutes(5).toLocalDate().isBefore(today) ? today.atStartOfDay() : now.minusMinutes(5);
        ClassSession s = classes.addSession(SYSTEM, c.id(), new SessionDraft("第一讲：党章", start, start.plusHours(2),
                null, null));
        classes.enrol(SYSTEM, c.id(), List.of(member.id()));

        Page screen = newPhonePage();
        BrowserSupport.loginOnPhone(screen, "cphonesec" + suffix, PASSWORD);
        screen.navigate("/learning/classes/" + c.id());
        screen.locator("#session-" + s.id() + " a.session-screen").click();
        assertThat(screen.locator("#screen-code svg")).isVisible();
        assertThat(screen.locator("#count-in")).hasText("0");
        assertThat(screen.locator("#count-invited")).hasText("1");
        assertClean(screen);

        Page phone = newPhonePage();
        phone.navigate("/learning/classes/sessions/" + s.id() + "/scan?purpose=IN&c="
                + codes.current(s.id(), ClassCheck.IN, Instant.now()).code());
        assertThat(phone.locator("#username")).isVisible();
        assertThat(BrowserSupport.submitLoginHere(phone, "cphone" + suffix, PASSWORD)).isTrue();
        assertThat(phone.locator("#scan-title")).hasText("签到成功");
        assertThat(phone.locator("#scan-class")).hasText("手机签到培训班");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-class-checkin.png"))
                .setFullPage(true));
        assertClean(phone);
        phone.reload();
        assertThat(phone.locator("#scan-title")).hasText("已签到");

        // the screen's count polls every 5 s
        assertThat(screen.locator("#count-in")).hasText("1", new com.microsoft.playwright.assertions.LocatorAssertions
                .HasTextOptions().setTimeout(12_000));
        screen.click("#screen-out");
        assertThat(screen.locator("#screen-code svg")).isVisible();

        phone.navigate("/learning/classes/sessions/" + s.id() + "/scan?purpose=OUT&c="
                + codes.current(s.id(), ClassCheck.OUT, Instant.now()).code());
        assertThat(phone.locator("#scan-title")).hasText("签退成功");
        assertThat(phone.locator("#scan-hours")).containsText("学时");
        assertClean(phone);
        phone.navigate("/learning/classes/sessions/" + s.id() + "/scan?purpose=IN&c=forged");
        assertThat(phone.locator("#scan-refusal")).containsText("二维码无效");
        phone.click("text=我的培训班");
        phone.locator("#my-class-" + c.id()).click();
        assertThat(phone.locator("#my-session-" + s.id())).containsText("已签退");
        assertClean(phone);

        screen.click("#screen-back");
        assertThat(screen.locator("#attendance-" + member.id())).containsText("已签退");
        assertThat(screen.locator("#sheet-totals")).containsText("已签到 1 人，已签退 1 人");
        screen.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-class-sheet.png"))
                .setFullPage(true));
        assertClean(screen);
    }
}
