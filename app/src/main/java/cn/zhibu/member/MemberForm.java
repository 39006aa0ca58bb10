package cn.zhibu.member;

import cn.zhibu.platform.input.NameText;
import cn.zhibu.platform.input.SensibleDate;
import cn.zhibu.platform.input.ShortText;

import java.time.LocalDate;

/** What a user fills in to register or edit a member. Checked by {@link MemberService}, in Chinese. */
public record MemberForm(Long orgId, @NameText("姓名") String name, Gender gender, @NameText("民族") String ethnicity,
                         @SensibleDate("出生日期") LocalDate birthDate,
                         @ShortText("身份证号") String idNumber, @ShortText("手机号") String phone, Education education,
                         Occupation occupation, MemberStatus status,
                         @SensibleDate("入党日期") LocalDate joinedOn,
                         @SensibleDate("转正日期") LocalDate convertedOn,
                         @NameText("职务") String jobTitle, @NameText("工作单位") String workUnit) {
}
