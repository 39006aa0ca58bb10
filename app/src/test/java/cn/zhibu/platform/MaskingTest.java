package cn.zhibu.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "110101199001011234, 1101**********1234",
            "11010519491231002X, 1101**********002X",
            "110101900101123,    1101*******1123",    // old 15-digit number
            "123456789,          1234*6789",
            "1234567,            ****",
            "'',                 ****",
    })
    void idNumber_keeps_first_4_and_last_4(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13812345678, 138****5678",
            "1381234567,  138***4567",
            "123456,      ****",
    })
    void phone_keeps_first_3_and_last_4(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @Test
    void null_stays_null() {
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void masked_id_number_has_the_same_length() {
        assertThat(Masking.idNumber("110101199001011234")).hasSize(18);
    }
}
