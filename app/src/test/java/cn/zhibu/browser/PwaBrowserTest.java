package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installable app: a valid manifest with icons that load at their sizes, a service worker over the whole site,
 * the offline page when the network is gone — and nothing personal kept in the browser's cache.
 */
class PwaBrowserTest extends BrowserTestBase {

    @Test
    void the_app_installs_works_offline_with_the_offline_page_and_keeps_no_personal_data() {
        Page page = newPage();
        page.navigate("/login");

        // the service worker registers from app.js, over the whole site, and activates
        Object scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope");
        assertThat(scope).isEqualTo("http://localhost:" + port + "/");
        page.waitForFunction("() => navigator.serviceWorker.controller !== null"
                + " && navigator.serviceWorker.controller.state === 'activated'");

        // the manifest the page links to
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) page.evaluate("async () => (await fetch("
                + "document.querySelector('link[rel=manifest]').href)).json()");
        assertThat(manifest).containsEntry("name", "支部 · 智慧党建平台").containsEntry("short_name", "支部")
                .containsEntry("start_url", "/").containsEntry("display", "standalone");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> icons = (List<Map<String, Object>>) manifest.get("icons");
        List<Map<String, Object>> pngs = icons.stream().filter(i -> "image/png".equals(i.get("type"))).toList();
        assertThat(pngs).extracting(i -> i.get("sizes") + " " + i.get("purpose"))
                .contains("192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable");
        for (Map<String, Object> icon : pngs) {
            Object size = page.evaluate("src => new Promise((ok, fail) => { const i = new Image();"
                    + " i.onload = () => ok(i.naturalWidth + 'x' + i.naturalHeight); i.onerror = fail; i.src = src; })",
                    icon.get("src"));
            assertThat(size).as("%s", icon.get("src")).isEqualTo(icon.get("sizes"));
        }

        // a user at work: pages and an API answer go through the service worker, but are never stored
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        page.navigate("/members");
        assertThat(page.locator("body")).containsText(DemoAccounts.SECRETARY_BRANCH);
        page.evaluate("() => fetch('/api/v1/orgs').then(r => r.text())");

        // offline: a page opens as the offline page, not the browser's error and not a stored copy
        page.context().setOffline(true);
        page.navigate("/members");
        assertThat(page.locator("#offline-title")).hasText("网络未连接");
        assertThat(page.locator("body")).not().containsText(DemoAccounts.SECRETARY_BRANCH);
        assertThat(page.locator("link[href='/css/app.css']")).hasCount(1);
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('.zb-navbar')).backgroundColor"))
                .as("the offline page has its styles from the cache").isNotEqualTo("rgba(0, 0, 0, 0)");

        @SuppressWarnings("unchecked")
        List<String> stored = (List<String>) page.evaluate("async () => { const urls = [];"
                + " for (const name of await caches.keys()) { const c = await caches.open(name);"
                + " for (const r of await c.keys()) urls.push(new URL(r.url).pathname); } return urls; }");
        assertThat(stored).contains("/offline.html", "/css/app.css")
                .allSatisfy(path -> assertThat(path).matches("/(css|js|webjars|img)/.+|/manifest\\.webmanifest|/offline\\.html"));
        page.context().setOffline(false);
    }
}
