package cn.zhibu.learning;

/**
 * The one writer of {@code study_credit}: every source of 学时 credits through it, in its own transaction, and it
 * keeps the member's {@code study_year} (hours, target, met) and the {@code study_rollup} exact in that transaction.
 */
public interface StudyHours {

    /** Credits (or re-credits, replacing the earlier hours of the same source) the member's 学时. */
    void credit(StudyCredit credit);

    /** Takes back what a source credited (a meeting un-held, a check-out removed); nothing when it credited nothing. */
    void withdraw(long memberId, StudySource source, long sourceId);
}
