package cn.zhibu.life;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person invited to a meeting, and what they answered and did.
 *
 * @param memberId a member of the registry; negative for a 流动党员 registered here ({@code -} the id of the inflow
 *                 record: they are not on this registry's roll, see {@link #inflow()})
 * @param voting   counts for the quorum of votes (B6, B7): a 正式党员 not under 留党察看; never an inflow member (R3)
 * @param checkedInBy null when the member scanned the code themselves; else who checked them in by hand
 */
public record Invitee(long meetingId, long memberId, String name, boolean voting, InviteeResponse response,
                      String leaveReason, LeaveStatus leaveStatus, String leaveDecidedBy, Instant leaveDecidedAt,
                      Instant checkedInAt, String checkedInBy, String checkedInReason, Instant checkedOutAt,
                      LocalDate makeupOn, String makeupNote, String makeupBy) {

    /** A 流动党员 of another organization living here (R3: takes part, does not vote). */
    public boolean inflow() {
        return memberId < 0;
    }

    /** The id of the {@code floating_inflow} record of an inflow member. */
    public static long inflowMemberId(long inflowId) {
        return -inflowId;
    }

    public boolean leaveRequested() {
        return leaveStatus == LeaveStatus.REQUESTED;
    }

    /** What they answered, in Chinese: 未答复, 确认参加, 请假（待审批/已准假/未准假）. */
    public String answerLabel() {
        if (response == null) {
            return "未答复";
        }
        if (response == InviteeResponse.LEAVE && leaveStatus != null) {
            return "请假（" + leaveStatus.label() + "）";
        }
        return response.label();
    }
}
