package cn.zhibu.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects validation messages field by field, then throws them together. */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors reject(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
