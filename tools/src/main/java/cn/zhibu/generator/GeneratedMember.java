package cn.zhibu.generator;

import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;

import java.time.LocalDate;

/** One generated person, refilled for every row of a chunk rather than allocated millions of times. */
final class GeneratedMember {

    long id;
    String name;
    Gender gender;
    String ethnicity;
    LocalDate birthDate;
    String idNumber;
    String phone;
    Education education;
    Occupation occupation;
    MemberStatus status;
    LocalDate joinedOn;
    LocalDate convertedOn;
}
