package cn.zhibu.dues;

import java.util.List;

/**
 * What online payment needs from the ledger. The ledger posts a settled order once (by its order id), so a repeated
 * notification changes nothing, and takes a refund back by a reversing entry, never by an edit.
 */
public interface DuesPayments {

    /** The months the member still owes, oldest first, as bills say (months not yet billed are not listed). */
    List<OpenBill> openBills(long memberId);

    /**
     * Checks that the member may pay these months online now (owed or, within the prepayment limit, not yet billed;
     * at most the back-payment limit behind) and returns what they cost, without saving anything.
     *
     * @throws cn.zhibu.platform.InvalidInputException naming {@code months} with the rule that refuses them
     */
    java.math.BigDecimal quote(long memberId, List<java.time.YearMonth> months);

    /** Posts the payment of a settled order; returns the ledger entry (the existing one when already posted). */
    long settleOnline(OnlineSettlement settlement);

    /** Reverses the entry of a refunded order, with the reason; returns the reversing entry. */
    long reverseOnline(long orderId, String reason, String actor);
}
