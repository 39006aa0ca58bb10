package cn.zhibu.browser;

import cn.zhibu.support.IntegrationTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running application on a random port and one headless Chromium per test class. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {

    @LocalServerPort int port;
    private BrowserSupport browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSupport();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    /** A fresh browser context (no cookies) on the application. */
    Page newPage() {
        return browser.newPage("http://localhost:" + port);
    }

    /** A fresh phone-sized browser context (390×844, touch) on the application, ready for axe-core. */
    Page newPhonePage() {
        return browser.newCheckedPage("http://localhost:" + port, true);
    }

    /**
     * A fresh phone page logged in as a demo account ({@code #current-user} is in the page, hidden behind the collapsed
     * navigation on a phone).
     */
    Page phoneAs(String user) {
        Page page = newPhonePage();
        BrowserSupport.loginOnPhone(page, user, cn.zhibu.demo.DemoAccounts.PASSWORD);
        return page;
    }

    /** A fresh desktop-sized browser context (1280×900) on the application, ready for axe-core. */
    Page newDesktopPage() {
        return browser.newCheckedPage("http://localhost:" + port, false);
    }
}
