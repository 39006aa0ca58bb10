package cn.zhibu.life;

import cn.zhibu.platform.DataScope;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A meeting's check-in and check-out times, for another module that counts presence by them (a 培训班 session held
 * as a meeting reads them instead of asking members to check in twice). Only for the manager of the meeting's
 * organization: else 404, as for any meeting out of scope.
 */
public interface MeetingCheckTimes {

    /** When the meeting is held, and its title; 404 when the caller does not manage it. */
    Heading heading(DataScope scope, long meetingId);

    /** The times of those of {@code memberIds} who are on the meeting's roll (absent ids are not on it). */
    Map<Long, Times> of(DataScope scope, long meetingId, Collection<Long> memberIds);

    record Heading(long meetingId, String title, String orgPath, Instant startsAt, Instant endsAt) {
    }

    /** @param checkedInAt null when not checked in; {@code checkedOutAt} null when not checked out */
    record Times(Instant checkedInAt, Instant checkedOutAt) {
    }
}
