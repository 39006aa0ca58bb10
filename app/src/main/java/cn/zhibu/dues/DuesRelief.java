package cn.zhibu.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A reduction (or, at 0, a waiver) of a member's dues for some months, F4 (第七条). */
public record DuesRelief(long id, long memberId, long orgId, String orgPath, YearMonth fromMonth, YearMonth toMonth,
                         BigDecimal amount, String reason, LocalDate decidedOn, ReliefStatus status,
                         String proposedBy, String approvedBy, String approverNote) {

    public boolean waived() {
        return amount.signum() == 0;
    }

    public String statusLabel() {
        return status.label();
    }

    public boolean covers(YearMonth month) {
        return !month.isBefore(fromMonth) && !month.isAfter(toMonth);
    }
}
