package cn.zhibu.admission;

import java.time.LocalDate;

/** 转正 approved (step 24): the member is full from the end of probation, their 党龄 counted from it (D10). */
public record CandidateConverted(long caseId, long memberId, long orgId, LocalDate convertedOn) {
}
