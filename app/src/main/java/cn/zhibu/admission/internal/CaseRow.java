package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.Occupation;

import java.time.LocalDate;

/**
 * An admission case as stored ({@code idNumberEnc}, {@code phoneEnc} SM4-encrypted; their masked display forms beside
 * them, null in a case written before V48 and not yet filled: see {@code platform.MaskedForms}).
 */
public record CaseRow(long id, long orgId, String orgName, String orgPath, long rootId, String name, Gender gender,
                      LocalDate birthDate, byte[] idNumberEnc, byte[] phoneEnc, String idNumberMasked,
                      String phoneMasked, String ethnicity, Education education,
                      Occupation occupation, String workUnit, AdmissionStage stage, LocalDate appliedOn,
                      Integer nextStep, LocalDate nextDate, boolean nextEarliest, LocalDate nextDue, Long memberId, LocalDate approvedOn, LocalDate convertedOn, String closedReason,
                      LocalDate closedOn, int version) {
}
