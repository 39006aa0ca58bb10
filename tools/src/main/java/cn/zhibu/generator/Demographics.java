package cn.zhibu.generator;

import cn.zhibu.member.Education;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Gender, age, education and standing of a member given their occupation, tuned so that the province as a whole
 * looks like the 党内统计公报 (RULES.md S1): about 31% women, 58% 大专及以上, the 公报's age bands, 7% 预备党员.
 * Retirees are old, students young, older farmers seldom went to college.
 */
final class Demographics {

    /** First statistical age of each 公报 age band: ≤30 (from 19: everyone joined at 18 or later), 31–35 … ≥61. */
    private static final int[] BAND_START = {19, 31, 36, 41, 46, 51, 56, 61};
    private static final int OLDEST = 100;
    /** Chance of being a 预备党员 (joined within the past year), per mille, by age band. */
    private static final int[] PROBATIONARY_PER_MILLE = {330, 140, 50, 20, 20, 5, 5, 0};
    /** From this age on, the older education mix applies. */
    private static final int OLDER_FROM = 46;

    private static final List<Integer> BANDS = List.of(0, 1, 2, 3, 4, 5, 6, 7);
    private static final List<Education> EDUCATIONS = List.of(Education.values());

    private static final Map<Occupation, Weighted<Integer>> AGE_BANDS = new EnumMap<>(Map.of(
            Occupation.WORKER, Weighted.of(BANDS, 15, 16, 15, 13, 13, 14, 10, 4),
            Occupation.FARMER, Weighted.of(BANDS, 5, 7, 8, 9, 11, 13, 11, 36),
            Occupation.PROFESSIONAL, Weighted.of(BANDS, 22, 21, 18, 13, 10, 8, 6, 2),
            Occupation.MANAGER, Weighted.of(BANDS, 12, 18, 18, 14, 13, 12, 11, 2),
            Occupation.CIVIL_SERVANT, Weighted.of(BANDS, 15, 19, 17, 13, 12, 12, 10, 2),
            Occupation.STUDENT, Weighted.of(BANDS, 1, 0, 0, 0, 0, 0, 0, 0),
            Occupation.OTHER, Weighted.of(BANDS, 18, 15, 12, 10, 10, 10, 9, 16),
            Occupation.RETIRED, Weighted.of(BANDS, 0, 0, 0, 0, 0, 2, 8, 90)));

    private static final Map<Occupation, Integer> FEMALE_PERCENT = new EnumMap<>(Map.of(
            Occupation.WORKER, 26, Occupation.FARMER, 22, Occupation.PROFESSIONAL, 40, Occupation.MANAGER, 30,
            Occupation.CIVIL_SERVANT, 29, Occupation.STUDENT, 56, Occupation.OTHER, 40, Occupation.RETIRED, 27));

    //                                     研究生 本科 专科 中专 高中 初中及以下
    private static final Map<Occupation, Weighted<Education>> YOUNGER_EDUCATION = new EnumMap<>(Map.of(
            Occupation.WORKER, Weighted.of(EDUCATIONS, 0, 16, 40, 18, 18, 8),
            Occupation.FARMER, Weighted.of(EDUCATIONS, 0, 12, 36, 14, 20, 18),
            Occupation.PROFESSIONAL, Weighted.of(EDUCATIONS, 22, 62, 14, 2, 0, 0),
            Occupation.MANAGER, Weighted.of(EDUCATIONS, 10, 60, 24, 4, 2, 0),
            Occupation.CIVIL_SERVANT, Weighted.of(EDUCATIONS, 18, 72, 9, 1, 0, 0),
            Occupation.STUDENT, Weighted.of(EDUCATIONS, 28, 52, 20, 0, 0, 0),
            Occupation.OTHER, Weighted.of(EDUCATIONS, 2, 26, 32, 14, 18, 8),
            Occupation.RETIRED, Weighted.of(EDUCATIONS, 1, 16, 28, 14, 21, 20)));
    private static final Map<Occupation, Weighted<Education>> OLDER_EDUCATION = new EnumMap<>(Map.of(
            Occupation.WORKER, Weighted.of(EDUCATIONS, 0, 5, 22, 20, 28, 25),
            Occupation.FARMER, Weighted.of(EDUCATIONS, 0, 3, 10, 9, 24, 54),
            Occupation.PROFESSIONAL, Weighted.of(EDUCATIONS, 10, 58, 24, 5, 3, 0),
            Occupation.MANAGER, Weighted.of(EDUCATIONS, 5, 45, 32, 8, 8, 2),
            Occupation.CIVIL_SERVANT, Weighted.of(EDUCATIONS, 8, 62, 24, 3, 3, 0),
            Occupation.STUDENT, Weighted.of(EDUCATIONS, 28, 52, 20, 0, 0, 0),
            Occupation.OTHER, Weighted.of(EDUCATIONS, 0, 12, 26, 14, 26, 22),
            Occupation.RETIRED, Weighted.of(EDUCATIONS, 1, 16, 28, 14, 21, 20)));

    private final LocalDate today;

    /** @param today the reference date: nobody is born, joins or is converted after it */
    Demographics(LocalDate today) {
        this.today = today;
    }

    /** Fills everything but name, 身份证号 and phone. */
    void fill(GeneratedMember m, Workforce workforce, RandomGenerator random) {
        m.occupation = workforce.occupations().pick(random);
        int femalePercent = workforce.femalePercent() >= 0 ? workforce.femalePercent()
                : FEMALE_PERCENT.get(m.occupation);
        m.gender = random.nextInt(100) < femalePercent ? Gender.FEMALE : Gender.MALE;
        int band = AGE_BANDS.get(m.occupation).pick(random);
        int age = m.occupation == Occupation.STUDENT ? 19 + random.nextInt(8) : ageIn(band, random);
        LocalDate newYear = LocalDate.ofYearDay(today.getYear() - age, 1);
        m.birthDate = newYear.plusDays(random.nextInt(newYear.lengthOfYear()));
        m.education = (age < OLDER_FROM ? YOUNGER_EDUCATION : OLDER_EDUCATION).get(m.occupation).pick(random);
        m.ethnicity = Minorities.pick(random);
        standing(m, band, random);
    }

    /** Statistical age (this year minus birth year, as the 公报 counts) within an age band. */
    private static int ageIn(int band, RandomGenerator random) {
        if (band == BAND_START.length - 1) {
            // the oldest band thins out with age: mean about 71
            return Math.min(OLDEST, BAND_START[band] + (int) (-Math.log(1 - random.nextDouble()) * 10));
        }
        return BAND_START[band] + random.nextInt(BAND_START[band + 1] - BAND_START[band]);
    }

    /**
     * 入党 at 18 or later (D2); a full member was converted one year after joining, so joined at least a year ago;
     * a 预备党员 joined within the past year.
     */
    private void standing(GeneratedMember m, int band, RandomGenerator random) {
        LocalDate adult = m.birthDate.plusYears(18);
        LocalDate latestFull = today.minusYears(1);
        boolean probationary = adult.isAfter(latestFull)
                || m.occupation != Occupation.RETIRED && random.nextInt(1000) < PROBATIONARY_PER_MILLE[band];
        if (probationary) {
            LocalDate earliest = adult.isAfter(today.minusDays(364)) ? adult : today.minusDays(364);
            m.status = MemberStatus.PROBATIONARY;
            m.joinedOn = between(earliest, today, random);
            m.convertedOn = null;
            return;
        }
        int joinAge = 18 + (int) (-Math.log(1 - random.nextDouble()) * 7);
        LocalDate joined = m.birthDate.plusYears(joinAge).plusDays(random.nextInt(365));
        if (joined.isAfter(latestFull)) {
            joined = between(adult, latestFull, random);
        }
        m.status = MemberStatus.FULL;
        m.joinedOn = joined;
        m.convertedOn = joined.plusYears(1);
    }

    private static LocalDate between(LocalDate first, LocalDate last, RandomGenerator random) {
        return first.plusDays(random.nextLong(ChronoUnit.DAYS.between(first, last) + 1));
    }
}
