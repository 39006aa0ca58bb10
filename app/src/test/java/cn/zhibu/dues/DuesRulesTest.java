package cn.zhibu.dues;

import cn.zhibu.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RULES.md F1–F4: the monthly amount from category and base, at every bracket's edge. */
class DuesRulesTest {

    private static final DuesSettings DEFAULTS = DuesSettings.defaults();

    private static BigDecimal monthly(DuesCategory category, String base) {
        return DuesRules.monthly(category, base == null ? null : new BigDecimal(base), DEFAULTS).amount();
    }

    @ParameterizedTest(name = "F2 salaried base {0} → {1}")
    @CsvSource({
            "0.00, 0.00", "1.00, 0.01", "2999.99, 15.00", "3000.00, 15.00", "3000.01, 30.00",
            "4999.99, 50.00", "5000.00, 50.00", "5000.01, 75.00", "9999.99, 150.00", "10000.00, 150.00",
            "10000.01, 200.00", "3333.33, 33.33", "3000.50, 30.01", "1001.00, 5.01", "1000.99, 5.00"})
    void F2_the_rate_of_the_bracket_applies_to_the_whole_base_and_the_upper_edge_belongs_to_the_lower_bracket(
            String base, String expected) {
        assertThat(monthly(DuesCategory.SALARIED, base)).isEqualByComparingTo(expected);
        assertThat(monthly(DuesCategory.SALARIED, base).scale()).isEqualTo(2);
    }

    @Test
    void F2_half_a_fen_rounds_up_and_less_rounds_down() {
        // 1001.00 × 0.5% = 5.005 → 5.01; 1000.99 × 0.5% = 5.00495 → 5.00 (HALF_UP on the exact product)
        assertThat(monthly(DuesCategory.SALARIED, "1001.00")).isEqualByComparingTo("5.01");
        assertThat(monthly(DuesCategory.SALARIED, "1000.99")).isEqualByComparingTo("5.00");
    }

    @ParameterizedTest(name = "F3 {0} base {1} → {2}")
    @CsvSource({
            "ANNUAL_SALARY, 3000.01, 30.00", "SELF_EMPLOYED, 10000.01, 200.00",
            "RETIRED, 5000.00, 25.00", "RETIRED, 5000.01, 50.00", "RETIRED, 3000.01, 15.00", "RETIRED, 12000.00, 120.00"})
    void F3_other_categories_with_a_base(DuesCategory category, String base, String expected) {
        assertThat(monthly(category, base)).isEqualByComparingTo(expected);
    }

    @Test
    void F3_fixed_amounts_for_farmers_students_and_the_unemployed_ignore_any_base() {
        assertThat(monthly(DuesCategory.FARMER, null)).isEqualByComparingTo("0.20");
        assertThat(monthly(DuesCategory.STUDENT, "8000")).isEqualByComparingTo("0.20");
        assertThat(monthly(DuesCategory.UNEMPLOYED, null)).isEqualByComparingTo("0.20");
    }

    @Test
    void F3_the_farmers_amount_is_set_per_province_between_twenty_fen_and_one_yuan() {
        DuesSettings d = DEFAULTS;
        DuesSettings one = new DuesSettings(d.amountMode(), d.monthlyCap(), d.rounding(), true, true, true,
                new BigDecimal("1.00"), d.minimumAmount(), d.probationStart(), 6, 6, d.centerThreshold(), 3, 5, 6,
                d.firstMonth());
        assertThat(DuesRules.monthly(DuesCategory.FARMER, null, one).amount()).isEqualByComparingTo("1.00");
        assertThatThrownBy(() -> new DuesSettings(d.amountMode(), d.monthlyCap(), d.rounding(), true, true, true,
                new BigDecimal("1.01"), d.minimumAmount(), d.probationStart(), 6, 6, d.centerThreshold(), 3, 5, 6,
                d.firstMonth())).hasMessageContaining("第六条");
    }

    @Test
    void F1a_computed_dues_stop_at_the_monthly_cap_of_1000_yuan_and_say_so() {
        assertThat(monthly(DuesCategory.SALARIED, "50000.00")).isEqualByComparingTo("1000.00");
        DuesAmount over = DuesRules.monthly(DuesCategory.SALARIED, new BigDecimal("50000.50"), DEFAULTS);
        assertThat(over.computed()).isEqualByComparingTo("1000.01");
        assertThat(over.amount()).isEqualByComparingTo("1000.00");
        assertThat(over.capped()).isTrue();
        assertThat(over.explanation()).contains("自愿多交");
        DuesAmount at = DuesRules.monthly(DuesCategory.SALARIED, new BigDecimal("50000.00"), DEFAULTS);
        assertThat(at.capped()).isFalse();
    }

    @Test
    void F1_the_salaried_base_leaves_out_tax_actually_withheld_social_insurance_and_annuity_by_default() {
        BaseItems payslip = new BaseItems(new BigDecimal("9000.00"), new BigDecimal("215.37"),
                new BigDecimal("1620.00"), new BigDecimal("360.00"));
        assertThat(DuesRules.baseOf(payslip, DEFAULTS)).isEqualByComparingTo("6804.63");
        assertThat(DuesRules.baseOf(payslip, DEFAULTS.withDeductions(true, false, false))).isEqualByComparingTo("8784.63");
        assertThatThrownBy(() -> DuesRules.baseOf(new BaseItems(new BigDecimal("100"), new BigDecimal("200"), null, null),
                DEFAULTS)).isInstanceOf(InvalidInputException.class).hasMessageContaining("超过");
    }

    @Test
    void F4_a_relief_is_the_approved_amount_and_zero_waives() {
        assertThat(DuesRules.relieved(BigDecimal.ZERO).amount()).isEqualByComparingTo("0.00");
        assertThat(DuesRules.relieved(BigDecimal.ZERO).explanation()).contains("免交");
        assertThat(DuesRules.relieved(new BigDecimal("2.5")).amount()).isEqualByComparingTo("2.50");
        assertThatThrownBy(() -> DuesRules.monthly(DuesCategory.HARDSHIP, BigDecimal.TEN, DEFAULTS))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest(name = "base {0} refused")
    @CsvSource({"-0.01", "3000.001", "10000000.00"})
    void a_base_that_is_negative_finer_than_a_fen_or_absurd_is_refused_naming_the_field(String base) {
        assertThatThrownBy(() -> monthly(DuesCategory.SALARIED, base)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("base"));
    }

    @Test
    void a_missing_base_is_refused() {
        assertThatThrownBy(() -> monthly(DuesCategory.RETIRED, null)).isInstanceOf(InvalidInputException.class);
    }
}
