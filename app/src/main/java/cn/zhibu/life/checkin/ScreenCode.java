package cn.zhibu.life.checkin;

import java.time.Instant;

/**
 * What the room screen shows for one purpose: the current code and the link the QR encodes, when it rotates, and the
 * window scans are taken in (with a note when it is not open now).
 *
 * @param link  the page a member's phone opens: {@code <public address>/life/meetings/<id>/checkin?c=<code>}
 * @param note  null while scans are taken; else why not yet or no longer
 */
public record ScreenCode(CheckinMeeting meeting, CheckinPurpose purpose, String code, String link, Instant rotatesAt,
                         CheckinWindow window, String note) {

    /** Whole seconds until the next code, at least 1. */
    public long secondsLeft(Instant now) {
        return Math.max(1, (rotatesAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
