package cn.zhibu.member;

import java.time.LocalDate;

/** What a user fills in to register or edit a member. Checked by {@link MemberService}, in Chinese. */
public record MemberForm(Long orgId, String name, Gender gender, String ethnicity, LocalDate birthDate,
                         String idNumber, String phone, Education education, Occupation occupation,
                         MemberStatus status, LocalDate joinedOn, LocalDate convertedOn, String jobTitle,
                         String workUnit) {
}
