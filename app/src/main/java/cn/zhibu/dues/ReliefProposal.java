package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** What the branch proposes (F4): the months, the monthly amount while it holds (0: waived), why, and when it decided. */
public record ReliefProposal(YearMonth fromMonth, YearMonth toMonth, BigDecimal amount, String reason,
                            LocalDate decidedOn) {
}
