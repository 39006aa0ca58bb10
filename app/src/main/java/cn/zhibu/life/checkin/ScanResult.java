package cn.zhibu.life.checkin;

import java.time.Instant;

/**
 * The answer to a member's scan: done now, or done before ({@code repeated}: a second scan changes nothing and says
 * when the first one was).
 *
 * @param at             when the member checked in (or out)
 * @param minutesPresent after a check-out, the minutes between check-in and check-out
 * @param message        what the phone shows, e.g. 签到成功 or 已签到于 14:05
 */
public record ScanResult(long meetingId, String meetingTitle, CheckinPurpose purpose, String memberName, Instant at,
                         boolean repeated, Long minutesPresent, String message) {

    static ScanResult of(CheckinMeeting meeting, CheckinPurpose purpose, Attendance row, boolean repeated) {
        Instant at = purpose == CheckinPurpose.IN ? row.checkedInAt() : row.checkedOutAt();
        String message = repeated ? "已" + purpose.label() + "于 " + CheckinTimes.time(at)
                : purpose.label() + "成功" + (row.minutesPresent() == null ? "" : "，本次参会 " + row.minutesPresent() + " 分钟");
        return new ScanResult(meeting.id(), meeting.title(), purpose, row.memberName(), at, repeated,
                row.minutesPresent(), message);
    }

    public String timeText() {
        return CheckinTimes.time(at);
    }
}
