package cn.zhibu.platform.input;

import cn.zhibu.platform.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a request body, a form or an import row against the constraints on its type (the text kinds, sensible
 * dates, nested records marked {@code @Valid}), with the application's Bean Validation validator: the one check the
 * API, the pages and the imports share.
 */
@Component
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    /** Field (a property path such as {@code member.name}) → Chinese message; empty when the input is fine. */
    public Map<String, String> problems(Object input) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (input == null) {
            return problems;
        }
        validator.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return problems;
    }

    /** Throws the problems as an {@link InvalidInputException} (a 400 naming each field), if there are any. */
    public void check(Object input) {
        Map<String, String> problems = problems(input);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
