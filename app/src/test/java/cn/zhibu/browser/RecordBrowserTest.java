package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.life.MeetingFixture;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record of a 支部党员大会 on a phone (390 px): the secretary writes the minutes in the editor, ticks who came and
 * sees the quorum follow (B6), saves, confirms on the confirmation page; the invited member reads the minutes. Every
 * page fits the phone and axe-core finds nothing serious.
 */
class RecordBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired MeetingFixture fixture;
    @Autowired OrganizationService organizations;

    private static void login(Page page, String user) {
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.loginOnPhone(page, user, DemoAccounts.PASSWORD);
    }

    private static void fits(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.smallTouchTargets(page)).as("touch targets under 44 px on %s", page.url()).isEmpty();
        assertThat(PageChecks.axeViolations(page)).as(page.url()).isEmpty();
    }

    @Test
    void a_secretary_records_and_confirms_on_a_phone_and_the_invited_member_reads_the_minutes() {
        long branchId = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        Organization branch = organizations.describe(branchId);
        long memberId = jdbc.sql("select member_id from app_user where username = ?").param(DemoAccounts.MEMBER)
                .query(Long.class).single();
        long meeting = fixture.heldDaysAgo(branch, "第三季度支部党员大会", 1, MeetingKind.GENERAL_ASSEMBLY);
        fixture.invite(meeting, memberId, DemoAccounts.MEMBER_NAME, true);
        for (String name : List.of("手机记录甲", "手机记录乙")) {
            fixture.invite(meeting, data.member(branchId, name, MemberStatus.FULL), true);
        }
        String record = "/life/meetings/" + meeting + "/record";

        Page secretary = newPhonePage();
        login(secretary, DemoAccounts.SECRETARY);
        secretary.navigate(record);
        secretary.locator(".ql-editor").waitFor();
        fits(secretary);
        secretary.fill("#chair", DemoAccounts.SECRETARY_NAME);
        secretary.fill("#minutesTaker", DemoAccounts.MEMBER_NAME);
        secretary.locator(".ql-editor").click();
        secretary.keyboard().type("学习党章第二章，讨论第三季度工作。");
        secretary.fill("#resolutions", "同意第三季度工作安排\n同意推荐优秀党员");
        secretary.check("#present-" + memberId);
        assertThat(secretary.locator("#quorum-live")).containsText("未达到法定人数");
        secretary.locator("#record-roll input[type=checkbox]:not(:checked)").first().check();
        assertThat(secretary.locator("#quorum-live")).containsText("已达到法定人数");
        secretary.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-record-form.png"))
                .setFullPage(true));
        secretary.click("#save-record");
        assertThat(secretary.locator(".alert-dismissible")).containsText("已保存会议记录");
        assertThat(secretary.locator("#record-quorum")).hasText("已达到法定人数");
        fits(secretary);

        secretary.click("#confirm-record");
        assertThat(secretary.locator("#confirm-question")).containsText("不能撤销");
        assertThat(secretary.locator("#confirm-summary")).containsText("应到3人，实到2人");
        fits(secretary);
        secretary.click("#confirm");
        assertThat(secretary.locator("#record-locked")).containsText("确认并锁定");
        assertThat(secretary.locator("#minutes-view")).containsText("学习党章第二章");
        assertThat(secretary.locator("#resolutions-view li")).hasCount(2);
        fits(secretary);
        secretary.navigate(record + "/amend");
        secretary.locator(".ql-editor").waitFor();
        fits(secretary);
        secretary.fill("#reason", "主持人写错");
        secretary.fill("#chair", "刘晓雯");
        secretary.click("#save-amendment");
        assertThat(secretary.locator(".alert-dismissible")).containsText("已更正主持人");
        secretary.navigate(record + "/history");
        assertThat(secretary.locator("#original")).containsText(DemoAccounts.SECRETARY_NAME);
        fits(secretary);
        secretary.context().close();

        Page member = newPhonePage();
        login(member, DemoAccounts.MEMBER);
        member.navigate(record);
        assertThat(member.locator("#minutes-view")).containsText("学习党章第二章");
        assertThat(member.locator("#record-form")).hasCount(0);
        assertThat(member.locator("#file-form")).hasCount(0);
        fits(member);
        member.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-record-member.png"))
                .setFullPage(true));
        member.context().close();
    }
}
