package cn.zhibu.demo;

import cn.zhibu.member.Gender;
import cn.zhibu.member.IdCardNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * 公民身份号码 and mobile numbers for demo people. IDs are valid per GB 11643 (real region codes, the birth date,
 * a sequence whose last digit is odd for men, the MOD 11-2 check character) and never repeat.
 */
final class PersonalNumbers {

    /** Districts of the provincial capital, including the pre-2013 白下区 and 下关区 that older IDs still carry. */
    private static final String[] CITY_REGIONS = {"320102", "320104", "320105", "320106", "320111", "320113",
            "320114", "320115", "320116", "320117", "320118", "320103", "320107"};
    /** Other cities of the province, for people who moved to the capital. */
    private static final String[] PROVINCE_REGIONS = {"320205", "320211", "320303", "320402", "320505", "320602",
            "320703", "320902", "321002", "321102", "321202", "321302"};
    /** Where members of some minorities typically come from; others (回族 …) are born locally. */
    private static final Map<String, String> MINORITY_HOMES = Map.of(
            "蒙古族", "150102", "满族", "210102", "壮族", "450102", "土家族", "433101", "朝鲜族", "222401");
    private static final String[] MOBILE_PREFIXES = {"139", "138", "137", "136", "135", "134", "150", "151", "152",
            "157", "158", "159", "182", "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133",
            "153", "180", "181", "189", "177", "173", "199", "191"};
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final Random random;
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();

    PersonalNumbers(Random random) {
        this.random = random;
    }

    String idNumber(String ethnicity, LocalDate birthDate, Gender gender) {
        while (true) {
            int genderDigit = random.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
            String first17 = region(ethnicity) + birthDate.format(YYYYMMDD)
                    + String.format("%02d", random.nextInt(100)) + genderDigit;
            String id = first17 + IdCardNumber.checkCharacter(first17);
            if (usedIds.add(id)) {
                return id;
            }
        }
    }

    String mobile() {
        while (true) {
            String phone = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
                    + String.format("%08d", random.nextInt(100_000_000));
            if (usedPhones.add(phone)) {
                return phone;
            }
        }
    }

    private String region(String ethnicity) {
        if (MINORITY_HOMES.containsKey(ethnicity)) {
            return MINORITY_HOMES.get(ethnicity);
        }
        String[] regions = random.nextInt(100) < 75 ? CITY_REGIONS : PROVINCE_REGIONS;
        return regions[random.nextInt(regions.length)];
    }
}
