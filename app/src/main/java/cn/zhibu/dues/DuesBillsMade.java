package cn.zhibu.dues;

import java.time.YearMonth;

/**
 * A month's bills were made for a subtree (published inside the bill run's transaction): what depends on open bills,
 * arrears above all, recounts the subtree.
 */
public record DuesBillsMade(long orgId, String orgPath, YearMonth month, int bills) {
}
