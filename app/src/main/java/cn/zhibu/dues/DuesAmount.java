package cn.zhibu.dues;

import java.math.BigDecimal;

/**
 * A member's monthly dues as the rules give them: the base and the rate on the whole of it (null for fixed
 * amounts), what that computes to, the amount due after the monthly cap, and why — in Chinese, citing the article.
 *
 * @param computed the rate times the base, rounded to 分 (or the fixed amount)
 * @param amount   what is due each month: the computed amount, at most the cap
 * @param capped   whether the cap lowered it (F1a: the member may still choose to pay more)
 */
public record DuesAmount(DuesCategory category, BigDecimal base, BigDecimal ratePercent, BigDecimal computed,
                         BigDecimal amount, boolean capped, String explanation) {
}
