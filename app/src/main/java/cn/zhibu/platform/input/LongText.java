package cn.zhibu.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text field of kind {@link TextKind#LONG} (公示正文等长文本：可换行，至多10000字). Null passes: whether it is required is the form's rule. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LongText.Check.class)
public @interface LongText {

    /** The field's Chinese label, which the message names (e.g. "姓名"). */
    String value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends TextCheck<LongText> {

        public Check() {
            super(TextKind.LONG);
        }

        @Override
        public void initialize(LongText annotation) {
            label(annotation.value());
        }
    }
}
