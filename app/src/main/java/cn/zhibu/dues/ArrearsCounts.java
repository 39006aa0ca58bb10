package cn.zhibu.dues;

/**
 * How many members of a subtree are in arrears (F8): at least {@code remindMonths} (3), at least {@code urgeMonths}
 * (5) and at least {@code removalMonths} (6) consecutive months, from the roll-up. The three thresholds are the
 * settings'; each count includes the longer ones.
 */
public record ArrearsCounts(long orgId, int remindMonths, long remind, int urgeMonths, long urge, int removalMonths,
                            long removal) {
}
