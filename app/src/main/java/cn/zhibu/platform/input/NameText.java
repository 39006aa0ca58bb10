package cn.zhibu.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text field of kind {@link TextKind#NAME} (人名、组织名、单位名、地名等名称：一行，至多100字). Null passes: whether it is required is the form's rule. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NameText.Check.class)
public @interface NameText {

    /** The field's Chinese label, which the message names (e.g. "姓名"). */
    String value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends TextCheck<NameText> {

        public Check() {
            super(TextKind.NAME);
        }

        @Override
        public void initialize(NameText annotation) {
            label(annotation.value());
        }
    }
}
