package cn.zhibu.life.internal;

import cn.zhibu.platform.RichText;

/**
 * The minutes' rich text as it may be stored and shown: the platform's {@link RichText} policy. Applied when the
 * minutes are saved and again when they are read, so a row written by any other path is shown safe too.
 */
public final class MinutesHtml {

    private MinutesHtml() {
    }

    /** The HTML with everything but the allowed formatting removed; "" for null. */
    public static String sanitize(String html) {
        return RichText.sanitize(html);
    }

    /** Whether the minutes say nothing: no text once the markup (and non-breaking spaces) are gone. */
    public static boolean blank(String html) {
        return RichText.blank(html);
    }
}
