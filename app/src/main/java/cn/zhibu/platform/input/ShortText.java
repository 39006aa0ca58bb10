package cn.zhibu.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text field of kind {@link TextKind#SHORT} (标题、文号、证号、联系方式等短文本：一行，至多200字). Null passes: whether it is required is the form's rule. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ShortText.Check.class)
public @interface ShortText {

    /** The field's Chinese label, which the message names (e.g. "姓名"). */
    String value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends TextCheck<ShortText> {

        public Check() {
            super(TextKind.SHORT);
        }

        @Override
        public void initialize(ShortText annotation) {
            label(annotation.value());
        }
    }
}
