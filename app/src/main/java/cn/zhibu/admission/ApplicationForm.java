package cn.zhibu.admission;

import cn.zhibu.member.Education;
import cn.zhibu.member.Occupation;
import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.time.LocalDate;

/** Step 1: who applies, to which branch, on which day (D2). Birth date and gender come from the 身份证号. */
public record ApplicationForm(Long orgId, @NameText("姓名") String name, @ShortText("身份证号") String idNumber,
                              @NameText("民族") String ethnicity, Education education, Occupation occupation,
                              @NameText("工作单位") String workUnit, @ShortText("手机号") String phone,
                              @SensibleDate("申请日期") LocalDate appliedOn)
        implements java.io.Serializable {
}
