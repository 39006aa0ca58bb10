package cn.zhibu.dues;

import java.util.List;

/**
 * One page of a subtree's members in arrears, longest first; {@code next} is the cursor of the following page (null
 * on the last), {@code total} the count of the list from the roll-up.
 */
public record ArrearsPage(List<ArrearsMember> items, String next, long total, int minMonths) {
}
