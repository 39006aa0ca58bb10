package cn.zhibu.member;

import java.time.LocalDate;

/**
 * A party member as the caller may see them: {@code idNumber} and {@code phone} are already masked unless the
 * caller's role may see them in full.
 */
public record Member(long id, long orgId, String orgName, String orgPath, String name, Gender gender,
                     String ethnicity, LocalDate birthDate, String idNumber, String phone, Education education,
                     Occupation occupation, MemberStatus status, LocalDate joinedOn, LocalDate convertedOn,
                     String jobTitle, String workUnit, int version, boolean sensitiveShown,
                     LocalDate lostContactSince) {

    /** Statistical age (reached this year), as counted by the 党内统计. */
    public int age() {
        return AgeBand.statisticalAge(birthDate.getYear(), LocalDate.now());
    }

    /** 党龄 in whole years, counted from the day the member became full (D10); 0 for a 预备党员. */
    public int partyYears() {
        if (convertedOn == null) {
            return 0;
        }
        return java.time.Period.between(convertedOn, LocalDate.now()).getYears();
    }
}
