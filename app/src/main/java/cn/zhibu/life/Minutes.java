package cn.zhibu.life;

import java.time.Instant;
import java.util.List;

/**
 * What a record says of a meeting.
 *
 * @param html         the minutes as sanitised HTML (paragraphs, lists, bold and italic, headings, tables, links)
 * @param resolutions  the 决议 taken, in order
 * @param chair        who chaired (主持人)
 * @param minutesTaker who took the minutes (记录人)
 */
public record Minutes(String html, List<String> resolutions, String chair, String minutesTaker, String savedBy,
                      Instant savedAt) {

    public Minutes {
        resolutions = List.copyOf(resolutions);
    }
}
