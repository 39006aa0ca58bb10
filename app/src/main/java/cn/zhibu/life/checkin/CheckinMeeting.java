package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingStatus;

import java.time.Instant;
import java.time.LocalDate;

/** What check-in needs of a meeting: whose it is (its organization's path, for scope), when, and where it stands. */
public record CheckinMeeting(long id, long orgId, String orgPath, String title, Instant startsAt, Instant endsAt,
                             LocalDate heldOn, String place, MeetingStatus status) {

    /** Held and recorded: attendance changed now must be told to compliance. */
    boolean recorded() {
        return status.held();
    }

    public String startsAtText() {
        return CheckinTimes.dateTime(startsAt);
    }

    public String endsAtText() {
        return CheckinTimes.time(endsAt);
    }
}
