package cn.zhibu.member;

import java.time.LocalDate;

/**
 * The age bands of the 党内统计公报 (RULES.md S1): ≤30, 31–35, …, 56–60, ≥61. Ages are statistical ages,
 * reached by the end of the current year (as the annual statistics count them), so that the bands of the dashboard
 * and of the member filter agree and roll up by birth year.
 */
public enum AgeBand {
    UP_TO_30("30岁及以下", 0, 30),
    FROM_31_TO_35("31至35岁", 31, 35),
    FROM_36_TO_40("36至40岁", 36, 40),
    FROM_41_TO_45("41至45岁", 41, 45),
    FROM_46_TO_50("46至50岁", 46, 50),
    FROM_51_TO_55("51至55岁", 51, 55),
    FROM_56_TO_60("56至60岁", 56, 60),
    FROM_61("61岁及以上", 61, 200);

    private final String label;
    private final int minAge;
    private final int maxAge;

    AgeBand(String label, int minAge, int maxAge) {
        this.label = label;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    public String label() {
        return label;
    }

    public static AgeBand ofAge(int age) {
        for (AgeBand band : values()) {
            if (age <= band.maxAge) {
                return band;
            }
        }
        return FROM_61;
    }

    /** Statistical age: the age reached in the year of {@code today}. */
    public static int statisticalAge(int birthYear, LocalDate today) {
        return today.getYear() - birthYear;
    }

    public static AgeBand ofBirthYear(int birthYear, LocalDate today) {
        return ofAge(statisticalAge(birthYear, today));
    }

    /** Earliest birth year in this band as of {@code today}. */
    public int earliestBirthYear(LocalDate today) {
        return today.getYear() - Math.min(maxAge, 150);
    }

    public int latestBirthYear(LocalDate today) {
        return today.getYear() - minAge;
    }
}
