package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error page is a page of the app: whoever is signed in keeps the navigation with their name and roles and goes
 * on from there; someone who is not is offered the login.
 */
class ErrorPageBrowserTest extends BrowserTestBase {

    @Test
    void a_signed_in_user_keeps_the_navigation_on_404_403_and_500() {
        Page page = newPage();
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);

        // an unknown address: the servlet container's 404, through the error dispatch
        Response missing = page.navigate("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertNavigation(page, "页面不存在");

        // Spring Security's 403: a form posted without its CSRF token
        page.evaluate("() => { const f = document.createElement('form'); f.method = 'post';"
                + " f.action = '/account/password'; document.body.appendChild(f); f.submit(); }");
        page.waitForURL("**/account/password");
        assertNavigation(page, "无权访问");

        // the 500 page, for a page whose handler fails (one the tests add)
        Response failed = page.navigate("/test-only/failing-page");
        assertThat(failed.status()).isEqualTo(500);
        assertNavigation(page, "出错了");

        // a member opening a secretary's page: the controller's 403
        Page member = newPage();
        BrowserSupport.login(member, DemoAccounts.MEMBER, DemoAccounts.PASSWORD);
        assertThat(member.navigate("/transfers").status()).isEqualTo(403);
        assertThat(member.locator("#current-user")).containsText("党员");
        assertThat(member.locator("nav.zb-navbar a[href='/publicity']")).isVisible();
    }

    @Test
    void someone_not_signed_in_is_offered_the_login() {
        Page page = newPage();
        Response missing = page.navigate("/verify/letters/NO-SUCH?c=000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.locator("nav.zb-navbar")).isVisible();
        assertThat(page.locator("#current-user")).hasCount(0);
        page.click("#problem-login");
        page.waitForURL("**/login");
        assertThat(page.locator("#username")).isVisible();
    }

    private static void assertNavigation(Page page, String title) {
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#current-user")).containsText("书记");
        assertThat(page.locator("nav.zb-navbar a[href='/members']")).isVisible();
        assertThat(page.locator("#problem-login")).hasCount(0);
    }
}
