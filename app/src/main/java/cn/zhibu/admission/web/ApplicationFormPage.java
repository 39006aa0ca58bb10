package cn.zhibu.admission.web;

import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.member.Education;
import cn.zhibu.member.Occupation;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The application form as the browser posts it (dates in ISO form). */
record ApplicationFormPage(Long orgId, String name, String idNumber, String ethnicity, Education education,
                           Occupation occupation, String workUnit, String phone,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appliedOn) {

    ApplicationForm toForm() {
        return new ApplicationForm(orgId, name, idNumber, ethnicity, education, occupation, workUnit, phone, appliedOn);
    }
}
