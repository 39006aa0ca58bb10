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
 * +999999999 is a 400 naming the field, not an overflow in date arithmetic or an 'infinity' in PostgreSQL. On every
 * date a user enters. The rules about a particular date stay with its form's checks, which answer together with the
 * form's other errors: a past fact not after today (入党日期, 办理日期, 生效日期 …), an event not before the person's
 * birth or joining or the organization's founding, a term or deadline at most the regulation's length.
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

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<SensibleDate, LocalDate> {

        private String label;

        @Override
        public void initialize(SensibleDate annotation) {
            label = annotation.value();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return Violations.report(context, problem(label, value));
        }

        /** What is wrong with a date, as a Chinese message naming the field; null when nothing is (or no date). */
        public static String problem(String label, LocalDate value) {
            if (value == null) {
                return null;
            }
            if (value.isBefore(EARLIEST)) {
                return label + "不能早于1900年1月1日";
            }
            if (value.isAfter(LATEST)) {
                return label + "不能晚于2100年12月31日";
            }
            return null;
        }
    }
}
