package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyText;

import cn.zhibu.member.Education;
import cn.zhibu.member.Ethnicities;
import cn.zhibu.member.Gender;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers every (dimension, value, status) of member_rollup, so that members are counted in plain int arrays
 * rather than maps of strings: gender, education, ethnicity, occupation and birth year, each by status — the
 * rows the app keeps per organization (see the member module's roll-up).
 */
final class RollupKeys {

    private static final int GENDERS = 0;
    private static final int EDUCATIONS = GENDERS + Gender.values().length;
    private static final int ETHNICITIES = EDUCATIONS + Education.values().length;
    private static final int OCCUPATIONS = ETHNICITIES + Ethnicities.ALL.size();
    private static final int BIRTH_YEARS = OCCUPATIONS + Occupation.values().length;
    /** Birth years counted: the reference year and the 120 before it. */
    private static final int YEARS = 121;
    private static final int PER_STATUS = BIRTH_YEARS + YEARS;

    private static final Map<String, Integer> ETHNICITY_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < Ethnicities.ALL.size(); i++) {
            ETHNICITY_INDEX.put(Ethnicities.ALL.get(i), i);
        }
    }

    private final int firstYear;

    RollupKeys(int referenceYear) {
        this.firstYear = referenceYear - YEARS + 1;
    }

    /** Number of keys: the length of a count array. */
    int size() {
        return PER_STATUS * MemberStatus.values().length;
    }

    /** Adds one member to {@code counts} under each of its five keys. */
    void count(int[] counts, GeneratedMember m) {
        int base = m.status.ordinal() * PER_STATUS;
        int yearOffset = m.birthDate.getYear() - firstYear;
        if (yearOffset < 0 || yearOffset >= YEARS) {
            throw new IllegalStateException("birth year outside the counted range: " + m.birthDate);
        }
        counts[base + GENDERS + m.gender.ordinal()]++;
        counts[base + EDUCATIONS + m.education.ordinal()]++;
        counts[base + ETHNICITIES + ETHNICITY_INDEX.get(m.ethnicity)]++;
        counts[base + OCCUPATIONS + m.occupation.ordinal()]++;
        counts[base + BIRTH_YEARS + yearOffset]++;
    }

    /** Writes {@code dim \t val \t status} of a key. */
    void describe(int key, CopyText out) {
        int status = key / PER_STATUS;
        int k = key % PER_STATUS;
        if (k < EDUCATIONS) {
            out.text("gender").tab().text(Gender.values()[k - GENDERS].name());
        } else if (k < ETHNICITIES) {
            out.text("education").tab().text(Education.values()[k - EDUCATIONS].name());
        } else if (k < OCCUPATIONS) {
            out.text("ethnicity").tab().text(Ethnicities.ALL.get(k - ETHNICITIES));
        } else if (k < BIRTH_YEARS) {
            out.text("occupation").tab().text(Occupation.values()[k - OCCUPATIONS].name());
        } else {
            out.text("birth_year").tab().number(firstYear + k - BIRTH_YEARS);
        }
        out.tab().text(MemberStatus.values()[status].name());
    }
}
