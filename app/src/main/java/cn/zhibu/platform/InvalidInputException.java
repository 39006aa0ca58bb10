package cn.zhibu.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input that breaks a validation or a rule: one Chinese message per field (or "" for the whole form),
 * answered as 400 by the API and as the re-rendered form in the browser.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("；", fieldErrors.values()));
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(field, message);
        return new InvalidInputException(errors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public List<String> messages() {
        return List.copyOf(fieldErrors.values());
    }
}
