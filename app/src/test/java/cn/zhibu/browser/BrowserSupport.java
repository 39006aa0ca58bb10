package cn.zhibu.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Headless Chromium from the system's packages (Playwright cannot download browsers here), one per test class.
 */
final class BrowserSupport implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    BrowserSupport() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    Page newPage(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setLocale("zh-CN").setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /**
     * A phone (390×844 CSS pixels, touch, mobile viewport handling) or a desktop (1280×900). CSP is bypassed only
     * so that the tests can inject axe-core into the page; the application's own scripts never need it.
     */
    Page newCheckedPage(String baseUrl, boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(baseUrl).setLocale("zh-CN")
                .setBypassCSP(true);
        if (phone) {
            options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
        } else {
            options.setViewportSize(1280, 900);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    static void login(Page page, String username, String password) {
        login(page, username, password, WaitForSelectorState.VISIBLE);
    }

    /** On a phone the navigation is collapsed: the user's name is in the page, not on screen. */
    static void loginOnPhone(Page page, String username, String password) {
        login(page, username, password, WaitForSelectorState.ATTACHED);
    }

    private static void login(Page page, String username, String password, WaitForSelectorState nameShown) {
        // the navigations the login went through, for the report when it fails
        List<String> trail = new CopyOnWriteArrayList<>();
        Consumer<Response> follow = r -> {
            if (r.request().isNavigationRequest()) {
                String location = r.headerValue("location");
                trail.add(r.request().method() + " " + r.url() + " " + r.status() + (location == null ? "" : " → " + location));
            }
        };
        page.onResponse(follow);
        try {
            // No second try: a login that comes back to the login page is a bug of the product (it was one: a static
            // file answered after the login wrote the session back as it was before; LoginSessionIntegrationTest).
            page.navigate("/login");
            submitLoginHere(page, username, password);
            // the first page after a login is the inbox over the user's whole scope: on a loaded machine (the whole
            // suite, two cores) it has taken longer than the default 15 s once in a while
            if (!inTheApp(page, nameShown, 45_000)) {
                // say where the browser stands: still on the login page (refused), an error page, or still loading
                String text = page.locator("body").count() == 0 ? "" : page.locator("body").innerText();
                throw new AssertionError("no #current-user 45 s after " + username + " logged in; the browser is at "
                        + page.url() + ": " + text.substring(0, Math.min(text.length(), 500)).replaceAll("\\s+", " ")
                        + "; navigations: " + trail);
            }
        } finally {
            page.offResponse(follow);
        }
    }

    /** Whether the page shows the logged-in user (the navigation's name) within the time. */
    private static boolean inTheApp(Page page, WaitForSelectorState nameShown, double millis) {
        try {
            page.waitForSelector("#current-user", new Page.WaitForSelectorOptions().setState(nameShown).setTimeout(millis));
            return true;
        } catch (TimeoutError e) {
            return false;
        }
    }

    /**
     * Fills and submits the login form the page shows now (a scanned link redirects a logged-out phone to it) and
     * returns once the form's POST is answered, so that a navigation right after it cannot cancel the login; whether
     * the answer was a redirect away from the login page.
     */
    static boolean submitLoginHere(Page page, String username, String password) {
        page.fill("#username", username);
        page.fill("#password", password);
        try {
            Response answer = page.waitForResponse(r -> r.url().endsWith("/login") && "POST".equals(r.request().method()),
                    () -> page.click("#login-submit"));
            String location = answer.headerValue("location");
            return location == null || !location.endsWith("/login");
        } catch (TimeoutError e) {
            return false;
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
