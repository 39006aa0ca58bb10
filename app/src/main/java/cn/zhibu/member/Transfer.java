package cn.zhibu.member;

import java.time.LocalDate;
import java.util.List;

/**
 * A transfer of a member's organizational relationship (组织关系转接) between two organizations on the platform. The
 * member stays with, and is counted by, the sending organization until the receiving one accepts (R1).
 */
public record Transfer(long id, String letterNo, long memberId, String memberName, long fromOrgId, String fromOrgName,
                       long toOrgId, String toOrgName, List<TransferStep> chain, int nextStep, TransferStatus status,
                       String reason, LocalDate startedOn, LocalDate validUntil, String startedBy,
                       List<TransferDecision> decisions, int version, TransferKind kind, String paperLetterNo,
                       String duesPaidUntil) {

    /** The status as the user reads it: a finished transfer out of the platform is 已转出, not 已转入. */
    public String statusLabel() {
        return kind == TransferKind.OUTBOUND && status == TransferStatus.COMPLETED ? "已转出" : status.label();
    }

    /** 党费交至 as the letter prints it ("2026年11月"); null when not entered. */
    public String duesPaidUntilLabel() {
        return monthLabel(duesPaidUntil);
    }

    /** A month entered as yyyy-MM, as people write it ("2026年11月"); null when blank. */
    public static String monthLabel(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            java.time.YearMonth m = java.time.YearMonth.parse(month.strip());
            return m.getYear() + "年" + m.getMonthValue() + "月";
        } catch (java.time.format.DateTimeParseException e) {
            return month;
        }
    }

    /** The step awaited while in progress; null once finished. */
    public TransferStep awaiting() {
        return status == TransferStatus.IN_PROGRESS ? chain.get(nextStep) : null;
    }
}
