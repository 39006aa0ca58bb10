package cn.zhibu.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text field of kind {@link TextKind#NOTE} (理由、备注、意见等：可换行，至多1000字). Null passes: whether it is required is the form's rule. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoteText.Check.class)
public @interface NoteText {

    /** The field's Chinese label, which the message names (e.g. "姓名"). */
    String value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends TextCheck<NoteText> {

        public Check() {
            super(TextKind.NOTE);
        }

        @Override
        public void initialize(NoteText annotation) {
            label(annotation.value());
        }
    }
}
