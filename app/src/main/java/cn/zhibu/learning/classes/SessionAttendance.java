package cn.zhibu.learning.classes;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One enrolled member at one session: check-in and check-out (by their scan, or by hand with who and why) and the
 * hours they count.
 *
 * @param checkedInBy null when the member scanned
 */
public record SessionAttendance(long sessionId, long memberId, String memberName, Instant checkedInAt,
                                String checkedInBy, String checkedInReason, Instant checkedOutAt,
                                String checkedOutBy, String checkedOutReason, BigDecimal attendedHours) {

    public boolean checkedIn() {
        return checkedInAt != null;
    }

    public boolean checkedOut() {
        return checkedOutAt != null;
    }

    public String checkedInText() {
        return ClassSession.time(checkedInAt);
    }

    public String checkedOutText() {
        return ClassSession.time(checkedOutAt);
    }

    @JsonProperty("stateLabel")
    public String stateLabel() {
        return checkedOutAt != null ? "已签退" : checkedInAt != null ? "已签到，未签退" : "未签到";
    }
}
