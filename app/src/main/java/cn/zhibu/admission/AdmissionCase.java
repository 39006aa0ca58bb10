package cn.zhibu.admission;

import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's way from application to 归档, as the caller may see it ({@code idNumber} masked unless the role may
 * see it). {@code steps} are in the order recorded.
 */
public record AdmissionCase(long id, long orgId, String orgName, String orgPath, String name, Gender gender,
                            LocalDate birthDate, String idNumber, String ethnicity, Education education,
                            String workUnit, String phone, AdmissionStage stage, LocalDate appliedOn, Long memberId,
                            String closedReason, LocalDate closedOn, int version, List<StepRecord> steps) {

    public AdmissionCase {
        steps = List.copyOf(steps);
    }
}
