package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;

import static cn.zhibu.support.TestData.SYSTEM;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A branch secretary converts a 预备党员 on the member's page: refused a day early (D10), then done, with history. */
class MembershipBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired MemberService members;

    @Test
    void secretary_converts_a_probationary_member_after_a_refusal_that_says_why() {
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        LocalDate joined = LocalDate.now().minusYears(1).minusDays(10);
        MemberForm f = TestData.form(branch, "转正演示", false, LocalDate.of(1995, 4, 2), MemberStatus.PROBATIONARY);
        Member m = members.create(SYSTEM, new MemberForm(f.orgId(), f.name(), f.gender(), f.ethnicity(), f.birthDate(),
                f.idNumber(), f.phone(), f.education(), f.occupation(), f.status(), joined, null, null, null));

        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        page.navigate("/members/" + m.id());
        assertThat(page.locator("#membership-actions")).containsText(joined.plusYears(1).toString() + "届满");

        page.selectOption("#kind", "CONVERT");
        page.fill("#effectiveOn", joined.plusYears(1).minusDays(1).toString());
        page.fill("#reason", "按期转正");
        page.fill("#approvedBy", "市发展和改革委员会机关党委");
        page.click("#status-submit");
        assertThat(page.locator("#effectiveOn + .invalid-feedback")).containsText("前不能转正");
        assertThat(page.locator("#reason")).hasValue("按期转正");

        page.fill("#effectiveOn", joined.plusYears(1).toString());
        page.click("#status-submit");
        assertThat(page.locator(".alert-success")).containsText("已办理“转正”");
        assertThat(page.locator("#member-name + .badge")).hasText("正式党员");
        assertThat(page.locator("#status-history tbody tr")).hasCount(1);
        assertThat(page.locator("#status-history")).containsText("市发展和改革委员会机关党委");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/member-converted.png")));
    }
}
