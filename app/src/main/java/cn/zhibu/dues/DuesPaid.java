package cn.zhibu.dues;

/**
 * The ledger changed what a member has paid: a payment, online or recorded (reversal false), or a reversing entry
 * (reversal true). Published inside the writing transaction, so listeners keep their facts exact.
 */
public record DuesPaid(long memberId, long entryId, boolean reversal) {
}
