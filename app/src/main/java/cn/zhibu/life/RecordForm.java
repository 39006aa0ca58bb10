package cn.zhibu.life;

import cn.zhibu.platform.input.LongText;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.NoteText;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The record of a meeting as saved (the whole record each time, until it is confirmed).
 *
 * @param minutes          the minutes as HTML; whatever is not paragraphs, lists, bold and italic, headings, tables
 *                         or links is removed (scripts, event handlers, styles, javascript: links …)
 * @param resolutions      the 决议, one text each (at most {@value #MAX_RESOLUTIONS}, each at most 1,000 characters)
 * @param chair            主持人
 * @param minutesTaker     记录人
 * @param presentMemberIds invitees present who did not check in (by their member id); null leaves the roll as it is.
 *                         Those checked in by their own scan stay present whether listed or not
 * @param lateReason       required when the record is 补录 (later than the on-time window after the meeting)
 */
public record RecordForm(@LongText("会议记录") String minutes,
                         @Size(max = RecordForm.MAX_RESOLUTIONS, message = "决议最多" + RecordForm.MAX_RESOLUTIONS + "条")
                         List<String> resolutions,
                         @NameText("主持人") String chair, @NameText("记录人") String minutesTaker,
                         @Size(max = RecordForm.MAX_ROLL, message = "出席名单最多" + RecordForm.MAX_ROLL + "人")
                         List<Long> presentMemberIds,
                         @NoteText("补录原因") String lateReason) {

    public static final int MAX_RESOLUTIONS = 50;
    public static final int MAX_ROLL = 5000;
}
