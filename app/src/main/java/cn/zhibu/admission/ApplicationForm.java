package cn.zhibu.admission;

import cn.zhibu.member.Education;
import cn.zhibu.member.Occupation;

import java.time.LocalDate;

/** Step 1: who applies, to which branch, on which day (D2). Birth date and gender come from the 身份证号. */
public record ApplicationForm(Long orgId, String name, String idNumber, String ethnicity, Education education,
                              Occupation occupation, String workUnit, String phone, LocalDate appliedOn)
        implements java.io.Serializable {
}
