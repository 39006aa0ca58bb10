package cn.zhibu.member;

import java.util.Set;

/**
 * The actions that change a membership's status (RULES.md D10, D11, R5, R6), each from the statuses it applies to.
 * A status is a {@link MemberStatus} name while in the registry, an {@link ArchiveStatus} name after.
 */
public enum StatusChangeKind {
    CONVERT("转正", Set.of("PROBATIONARY"), "FULL"),
    /**
     * D11: the probation is extended once, by 6 to 12 months; the member stays 预备党员 until the new end (the event's
     * deadline), and 转正 comes no earlier.
     */
    EXTEND_PROBATION("延长预备期", Set.of("PROBATIONARY"), null),
    /** R6: an unqualified member is given at most a year to correct; the status does not change. */
    CORRECTION("限期改正", Set.of("FULL", "PROBATIONARY"), null),
    /**
     * 留党察看 (党章 第四十条): the member stays, without the right to vote, elect or stand, or to sponsor (D6, D9, E2),
     * until the period ends.
     */
    PARTY_PROBATION("留党察看", Set.of("FULL", "PROBATIONARY"), null),
    SUSPEND("停止党籍", Set.of("FULL", "PROBATIONARY"), "SUSPENDED"),
    RESTORE("恢复党籍", Set.of("SUSPENDED"), null),
    REMOVE("除名", Set.of("FULL", "PROBATIONARY", "SUSPENDED"), "LEFT"),
    EXPEL("开除党籍", Set.of("FULL", "PROBATIONARY"), "LEFT"),
    WITHDRAW("退党", Set.of("FULL", "PROBATIONARY"), "LEFT"),
    CANCEL_PROBATION("取消预备党员资格", Set.of("PROBATIONARY"), "LEFT"),
    DECEASE("死亡", Set.of("FULL", "PROBATIONARY", "SUSPENDED"), "DECEASED"),
    /** Done by a transfer's 回执, never chosen in the status form. */
    TRANSFER_OUT("组织关系转出系统外", Set.of("FULL", "PROBATIONARY"), "TRANSFERRED_OUT");

    private final String label;
    private final Set<String> from;
    private final String to;

    StatusChangeKind(String label, Set<String> from, String to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** The changes that apply to a record in this status, in the order a form lists them. */
    public static java.util.List<StatusChangeKind> applicableTo(String status) {
        return java.util.Arrays.stream(values()).filter(k -> k != TRANSFER_OUT && k.appliesTo(status)).toList();
    }

    public String label() {
        return label;
    }

    public boolean appliesTo(String status) {
        return from.contains(status);
    }

    /** The status after the change; for RESTORE the one held before the suspension, so null here. */
    public String to() {
        return to;
    }

    /** Whether the record leaves the registry (and its counts). */
    public boolean archives() {
        return this != CONVERT && this != RESTORE && !keepsStatus();
    }

    /** The record stays as it is; the change is a period with an end (the event's deadline). */
    public boolean keepsStatus() {
        return this == CORRECTION || this == PARTY_PROBATION || this == EXTEND_PROBATION;
    }

    /** Changes decided by a party organization, which must be named; a death is only recorded. */
    public boolean needsApproval() {
        return this != DECEASE;
    }
}
