package cn.zhibu.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date within sense: not before {@link #EARLIEST} (nobody on the rolls was born earlier, no organization was founded
 * earlier), not after {@link #LATEST} (no term, deadline or notice is planned that far) — so that a year like
 * +999999999 is a 400 naming the field, not a PostgreSQL "date out of range" or an overflow in date arithmetic. A
 * {@linkplain #past() past fact} (a birth, joining the party, a step done) is moreover not after today. Rules that
 * relate two dates (not before the person's birth, a term of at most five years …) stay with the forms' own checks.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SensibleDate.Check.class)
public @interface SensibleDate {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** The field's Chinese label, which the message names (e.g. "入党日期"). */
    String value();

    /** A fact that has happened: not after today. */
    boolean past() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<SensibleDate, LocalDate> {

        private String label;
        private boolean past;

        @Override
        public void initialize(SensibleDate annotation) {
            label = annotation.value();
            past = annotation.past();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return Violations.report(context, problem(label, value, past, LocalDate.now()));
        }

        /** What is wrong with a date, as a Chinese message naming the field; null when nothing is (or no date). */
        public static String problem(String label, LocalDate value, boolean past, LocalDate today) {
            if (value == null) {
                return null;
            }
            if (value.isBefore(EARLIEST)) {
                return label + "不能早于1900年1月1日";
            }
            if (past && value.isAfter(today)) {
                return label + "不能晚于今天";
            }
            if (value.isAfter(LATEST)) {
                return label + "不能晚于2100年12月31日";
            }
            return null;
        }
    }
}
