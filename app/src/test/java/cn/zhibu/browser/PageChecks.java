package cn.zhibu.browser;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the phone and accessibility tests measure in a page: horizontal scrolling, text columns crushed below two
 * characters, and axe-core's serious and critical violations (axe from its published WebJar, injected per page).
 */
final class PageChecks {

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String axeSource;

    /**
     * Problems of the layout, as sentences: the page scrolls sideways (the document, or a box inside main), or a
     * visible table cell / card value, or a text that wraps, is narrower than two characters of its font.
     */
    private static final String LAYOUT = """
            () => {
              const problems = [];
              const doc = document.documentElement;
              if (doc.scrollWidth > window.innerWidth) {
                problems.push('页面横向滚动：scrollWidth ' + doc.scrollWidth + ' > ' + window.innerWidth);
              }
              const hidden = el => el.closest('.visually-hidden, details:not([open]), [hidden]');
              const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0
                  && getComputedStyle(el).visibility !== 'hidden' && !hidden(el); };
              const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + ' "' + el.textContent.trim().replace(/\\s+/g, ' ').substring(0, 30) + '"';
              const main = document.querySelector('main') || document.body;
              for (const el of main.querySelectorAll('*')) {
                const s = getComputedStyle(el);
                if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && shown(el)) {
                  problems.push('区域横向滚动：' + name(el));
                }
              }
              for (const cell of main.querySelectorAll('td, th')) {
                if (!shown(cell) || !cell.textContent.trim()) continue;
                const s = getComputedStyle(cell);
                const size = parseFloat(s.fontSize);
                let width = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                const before = getComputedStyle(cell, '::before');
                if (before.content && before.content !== 'none' && before.content !== 'normal') {
                  width -= (parseFloat(before.width) || 0) + (parseFloat(s.columnGap) || 0);
                }
                if (width < 2 * size) problems.push('列宽不足两个字（' + Math.round(width) + 'px）：' + name(cell));
              }
              const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                const el = node.parentElement;
                if (node.textContent.trim().length < 2 || !el || !shown(el)) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                const lines = Array.from(range.getClientRects()).filter(r => r.width > 0);
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (lines.length > 1 && Math.max(...lines.map(r => r.width)) < 2 * size) {
                  problems.push('文字被挤成一列：' + name(el));
                }
              }
              return problems;
            }
            """;

    private PageChecks() {
    }

    /** Buttons, form controls, pagination and the links of list cards lower than 44 px on screen. */
    private static final String SMALL_TARGETS = """
            () => Array.from(document.querySelectorAll('main .btn, main button, main .page-link, main select, main textarea,'
                    + ' main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main table.zb-cards td a'))
                .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.height < 44
                    && !el.closest('.visually-hidden, details:not([open])'); })
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + el.textContent.trim().substring(0, 20)
                    + '" ' + Math.round(el.getBoundingClientRect().height) + 'px')
            """;

    static List<String> smallTouchTargets(Page page) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate(SMALL_TARGETS);
        return small;
    }

    /** Waits until the requests htmx started on load (tree levels, warnings, options) have been swapped in. */
    static void waitForHtmx(Page page) {
        page.waitForFunction("() => !document.querySelector('.htmx-request')");
    }

    /**
     * Everything a page must pass on a phone, one line per problem: laid out without sideways scrolling or squeezed
     * text, touch targets of 44 px, tables as cards (or a scrollable region), no serious axe violation. Waits for the
     * page's load (a click that submits a form returns before the next page's stylesheet applies) and for htmx.
     */
    static List<String> phoneProblems(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        waitForHtmx(page);
        List<String> found = new java.util.ArrayList<>();
        layoutProblems(page).forEach(p -> found.add(page.url() + " → " + p));
        smallTouchTargets(page).forEach(p -> found.add(page.url() + " small target → " + p));
        for (com.microsoft.playwright.Locator table : page.locator("main table.table:visible").all()) {
            if (!(Boolean) table.evaluate("t => t.classList.contains('zb-cards') || t.closest('[tabindex]') !== null")) {
                found.add(page.url() + " → a table that is neither cards nor a scrollable region");
            }
        }
        axeViolations(page).forEach(v -> found.add(page.url() + " axe → " + v));
        return found;
    }

    static List<String> layoutProblems(Page page) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate(LAYOUT);
        return problems;
    }

    /** axe-core's serious and critical violations of the page as it is now, one line per rule and element. */
    static List<String> axeViolations(Page page) {
        if (page.evaluate("() => typeof window.axe") .equals("undefined")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe()));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                   targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').substring(0, 160)) }));
                }
                """);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("targets"));
        }
        return lines;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = PageChecks.class.getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core WebJar missing from the test classpath: " + AXE);
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
