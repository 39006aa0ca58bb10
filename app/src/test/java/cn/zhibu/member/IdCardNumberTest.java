package cn.zhibu.member;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** 公民身份号码 per GB 11643-1999; check digits below were computed independently (ISO 7064 MOD 11-2). */
class IdCardNumberTest {

    @ParameterizedTest(name = "{0} -> check {1}")
    @CsvSource({
            "11010519491231002, X",
            "44030419850615001, 5",
            "32010220000229002, 1",
            "31010419951130001, 9",
            "11010119900307001, 1",
            "11010119900307002, X",
            "65010219721023004, 1",
            "11010119900101123, 7",
    })
    void ID_check_digit_is_computed_by_mod_11_2(String first17, char expected) {
        assertThat(IdCardNumber.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "11010519491231002X",   // X check digit
            "11010119900307002X",   // X check digit
            "440304198506150015",
            "320102200002290021",   // 29 Feb of a leap year
            "310104199511300019",
            "110101199003070011",
            "650102197210230041",
            "11010118991231001X",   // old but valid date
    })
    void ID_check_digit_valid_numbers_are_accepted(String id) {
        assertThat(IdCardNumber.problem(id)).isNull();
        assertThat(IdCardNumber.isValid(id)).isTrue();
        assertThat(IdCardNumber.parse(id).value()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "11010519491231002x, 11010519491231002X",
            "11010119900307002x, 11010119900307002X",
            "' 440304198506150015 ', 440304198506150015",
    })
    void ID_check_digit_lower_case_x_and_surrounding_blanks_are_accepted(String raw, String normalized) {
        assertThat(IdCardNumber.isValid(raw)).isTrue();
        assertThat(IdCardNumber.parse(raw).value()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} (should end in {1})")
    @CsvSource({
            "110105194912310021, X",  // X expected, digit given
            "440304198506150016, 5",
            "44030419850615001X, 5",
            "110101199003070012, 1",
    })
    void ID_check_digit_wrong_is_rejected(String id, char expected) {
        assertThat(IdCardNumber.isValid(id)).isFalse();
        assertThat(IdCardNumber.problem(id)).contains("校验位错误").contains("应为" + expected);
        assertThatIllegalArgumentException().isThrownBy(() -> IdCardNumber.parse(id));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
            "11010519491231002",     // 17 digits
            "1101051949123100",      // 16 digits
            "4403041985061500150",   // 19 digits
            "11010519491231002X0",   // 19 characters
            "110105194912310",       // the old 15-digit form is not accepted
            "11010519491231A02X",    // letter in the body
            "1101051949123100X2",    // X not in last place
            "ABCDEFGHIJKLMNOPQR",
            "11010519491231002Y",
            "110105-19491231002",
            "１１０１０５１９４９１２３１００２Ｘ", // full-width digits
    })
    void ID_check_digit_bad_format_is_rejected(String id) {
        assertThat(IdCardNumber.problem(id)).contains("应为18位");
        assertThat(IdCardNumber.isValid(id)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void ID_check_digit_missing_number_asks_for_one(String id) {
        assertThat(IdCardNumber.problem(id)).isEqualTo("请填写身份证号");
        assertThat(IdCardNumber.isValid(id)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "990101199001010019",  // 99 is no province
            "00010119900101001X",  // 00
            "100101199001010013",  // 10
    })
    void ID_check_digit_invalid_province_code_is_rejected(String id) {
        assertThat(IdCardNumber.problem(id)).contains("省级行政区划代码");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "110101199002300014",  // 30 Feb
            "110101199002290012",  // 29 Feb 1990, not a leap year
            "110101199013010012",  // month 13
            "110101199000010013",  // month 00
            "11010119900100001X",  // day 00
            "110101199001320013",  // day 32
    })
    void ID_check_digit_invalid_birth_date_is_rejected(String id) {
        assertThat(IdCardNumber.problem(id)).contains("出生日期").contains("无效");
    }

    @Test
    void ID_check_digit_future_birth_date_is_rejected() {
        assertThat(IdCardNumber.problem("110101209901010017")).contains("晚于今天");

        String tomorrow = "110101" + LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "001";
        String id = tomorrow + IdCardNumber.checkCharacter(tomorrow);
        assertThat(IdCardNumber.problem(id)).contains("晚于今天");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "440304198506150015, MALE",    // 17th digit 1
            "440304198506150090, MALE",    // 17th digit 9
            "440304198506150023, FEMALE",  // 17th digit 2
            "440304198506150007, FEMALE",  // 17th digit 0
            "11010519491231002X, FEMALE",
            "110101199003070011, MALE",
    })
    void ID_check_digit_gender_from_17th_digit(String id, Gender gender) {
        assertThat(IdCardNumber.parse(id).gender()).isEqualTo(gender);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "11010519491231002X, 1949-12-31",
            "440304198506150015, 1985-06-15",
            "320102200002290021, 2000-02-29",
            "11010118991231001X, 1899-12-31",
    })
    void ID_check_digit_birth_date_extraction(String id, LocalDate birthDate) {
        assertThat(IdCardNumber.parse(id).birthDate()).isEqualTo(birthDate);
    }
}
