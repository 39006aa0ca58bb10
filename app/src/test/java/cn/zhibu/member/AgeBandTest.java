package cn.zhibu.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md S1: age bands ≤30, 31–35, 36–40, 41–45, 46–50, 51–55, 56–60, ≥61 (statistical ages). */
class AgeBandTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "age {0} -> {1}")
    @CsvSource({
            "0,   UP_TO_30",
            "18,  UP_TO_30",
            "30,  UP_TO_30",
            "31,  FROM_31_TO_35",
            "35,  FROM_31_TO_35",
            "36,  FROM_36_TO_40",
            "40,  FROM_36_TO_40",
            "41,  FROM_41_TO_45",
            "45,  FROM_41_TO_45",
            "46,  FROM_46_TO_50",
            "50,  FROM_46_TO_50",
            "51,  FROM_51_TO_55",
            "55,  FROM_51_TO_55",
            "56,  FROM_56_TO_60",
            "60,  FROM_56_TO_60",
            "61,  FROM_61",
            "105, FROM_61",
            "250, FROM_61",
    })
    void S1_age_bands_edges(int age, AgeBand band) {
        assertThat(AgeBand.ofAge(age)).isEqualTo(band);
    }

    @ParameterizedTest(name = "born {0}, today {1} -> age {2}, {3}")
    @CsvSource({
            "1996, 2026-11-23, 30, UP_TO_30",
            "1995, 2026-11-23, 31, FROM_31_TO_35",
            "1991, 2026-11-23, 35, FROM_31_TO_35",
            "1990, 2026-11-23, 36, FROM_36_TO_40",
            "1986, 2026-11-23, 40, FROM_36_TO_40",
            "1985, 2026-11-23, 41, FROM_41_TO_45",
            "1981, 2026-11-23, 45, FROM_41_TO_45",
            "1980, 2026-11-23, 46, FROM_46_TO_50",
            "1976, 2026-11-23, 50, FROM_46_TO_50",
            "1975, 2026-11-23, 51, FROM_51_TO_55",
            "1971, 2026-11-23, 55, FROM_51_TO_55",
            "1970, 2026-11-23, 56, FROM_56_TO_60",
            "1966, 2026-11-23, 60, FROM_56_TO_60",
            "1965, 2026-11-23, 61, FROM_61",
            // statistical age: the age reached in the current year, whatever the day
            "1995, 2026-01-01, 31, FROM_31_TO_35",
            "1995, 2026-12-31, 31, FROM_31_TO_35",
            "1996, 2026-01-01, 30, UP_TO_30",
            "1996, 2027-01-01, 31, FROM_31_TO_35",
    })
    void S1_age_bands_from_birth_year(int birthYear, LocalDate today, int age, AgeBand band) {
        assertThat(AgeBand.statisticalAge(birthYear, today)).isEqualTo(age);
        assertThat(AgeBand.ofBirthYear(birthYear, today)).isEqualTo(band);
    }

    @ParameterizedTest(name = "{0}: born {1}..{2}")
    @CsvSource({
            "UP_TO_30,      1996, 2026",
            "FROM_31_TO_35, 1991, 1995",
            "FROM_36_TO_40, 1986, 1990",
            "FROM_41_TO_45, 1981, 1985",
            "FROM_46_TO_50, 1976, 1980",
            "FROM_51_TO_55, 1971, 1975",
            "FROM_56_TO_60, 1966, 1970",
            "FROM_61,       1876, 1965",
    })
    void S1_age_bands_birth_year_range_agrees_with_ofBirthYear(AgeBand band, int earliest, int latest) {
        assertThat(band.earliestBirthYear(TODAY)).isEqualTo(earliest);
        assertThat(band.latestBirthYear(TODAY)).isEqualTo(latest);
        assertThat(AgeBand.ofBirthYear(earliest, TODAY)).isEqualTo(band);
        assertThat(AgeBand.ofBirthYear(latest, TODAY)).isEqualTo(band);
        if (band != AgeBand.FROM_61) {
            assertThat(AgeBand.ofBirthYear(earliest - 1, TODAY)).isEqualTo(AgeBand.values()[band.ordinal() + 1]);
        }
        if (band != AgeBand.UP_TO_30) {
            assertThat(AgeBand.ofBirthYear(latest + 1, TODAY)).isEqualTo(AgeBand.values()[band.ordinal() - 1]);
        }
    }
}
