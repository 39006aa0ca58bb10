package cn.zhibu.admission;

import java.time.LocalDate;

/**
 * The higher committee approved a candidate (step 17): they are now a 预备党员 in the registry, counted from the
 * branch meeting. Dues start from that date (F5), for the dues module to pick up.
 */
public record CandidateAdmitted(long caseId, long memberId, long orgId, LocalDate meetingOn, LocalDate approvedOn) {
}
