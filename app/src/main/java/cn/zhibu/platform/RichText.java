package cn.zhibu.platform;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * Rich text as it may be stored and shown (meeting minutes, course articles): paragraphs, line breaks, headings,
 * lists, quotes, bold, italic, underline and strike-through, tables, and links (http, https, mailto — each given
 * rel="nofollow"), through the OWASP Java HTML Sanitizer. Everything else goes — scripts with their content, event
 * handlers, style and class attributes, images, frames, forms, javascript: and data: links. Apply it when the text is
 * saved and again when it is shown, so a row written by any other path is shown safe too.
 */
public final class RichText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                    "strong", "b", "em", "i", "u", "s", "del", "sub", "sup",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[1-9][0-9]?")).onElements("td", "th")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelNofollowOnLinks()
            .toFactory();

    /** Nothing but the text: for telling empty text apart and for summaries. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private RichText() {
    }

    /** The HTML with everything but the allowed formatting removed; "" for null. */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /** Whether the text says nothing: no text once the markup (and non-breaking spaces) are gone. */
    public static boolean blank(String html) {
        return html == null || TEXT_ONLY.sanitize(html).replace('\u00a0', ' ').replace("&nbsp;", " ")
                .replace("&#160;", " ").isBlank();
    }
}
