package cn.zhibu.member;

import java.time.LocalDate;

/**
 * A status change as the user asks for it: what, effective when, why, under which document, approved by whom
 * (the organization or meeting that decided, e.g. "XX党委 2026年第3次委员会").
 */
public record StatusChange(StatusChangeKind kind, LocalDate effectiveOn, String reason, String documentRef,
                           String approvedBy, LocalDate deadline, RemovalGround ground) {

    public StatusChange(StatusChangeKind kind, LocalDate effectiveOn, String reason, String documentRef,
                        String approvedBy) {
        this(kind, effectiveOn, reason, documentRef, approvedBy, null, null);
    }
}
