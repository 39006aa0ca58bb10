package cn.zhibu.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.lang.annotation.Annotation;

/** Checks a text field against its {@link TextKind}, reporting the kind's Chinese message for the field's label. */
public abstract class TextCheck<A extends Annotation> implements ConstraintValidator<A, String> {

    private final TextKind kind;
    private String label = "";

    protected TextCheck(TextKind kind) {
        this.kind = kind;
    }

    protected void label(String label) {
        this.label = label;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return Violations.report(context, kind.problem(label, value));
    }
}
