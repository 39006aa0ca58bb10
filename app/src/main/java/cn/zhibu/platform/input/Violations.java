package cn.zhibu.platform.input;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a ready-made Chinese message as the violation, instead of the annotation's message template. */
final class Violations {

    private Violations() {
    }

    /** True when there is no problem; otherwise reports it and answers false. */
    static boolean report(ConstraintValidatorContext context, String problem) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the message is ours (labels and numbers, never the user's value), escaped so it is not read as a template
        context.buildConstraintViolationWithTemplate(problem.replaceAll("([\\\\{}$])", "\\\\$1"))
                .addConstraintViolation();
        return false;
    }
}
