package cn.zhibu.life.checkin;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The counts of a meeting's roll: 应到 (every invitee, those on leave included, as minutes count them), 已签到
 * (by scan or by hand), 已签退, on approved leave and not come, and 补课 recorded.
 */
public record AttendanceTotals(int invited, int checkedIn, int checkedOut, int onLeave, int madeUp) {

    /** Invitees neither checked in nor on approved leave. */
    @JsonProperty("absent")
    public int absent() {
        return invited - checkedIn - onLeave;
    }
}
