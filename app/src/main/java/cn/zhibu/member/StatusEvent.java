package cn.zhibu.member;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a member's status history, as recorded. */
public record StatusEvent(long id, long memberId, StatusChangeKind kind, String fromStatus, String toStatus,
                          LocalDate effectiveOn, String reason, String documentRef, String approvedBy,
                          String recordedBy, Instant recordedAt, LocalDate deadline, RemovalGround ground) {

    public String fromLabel() {
        return MembershipRules.statusLabel(fromStatus);
    }

    public String toLabel() {
        return MembershipRules.statusLabel(toStatus);
    }
}
