package cn.zhibu.platform.web;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation errors of a request's parameters or form, field by field, with the input policy's Chinese messages. */
final class ValidationErrors {

    /** How much of a refused value a message quotes: enough to recognize it, never a whole upload. */
    private static final int QUOTED = 30;

    private ValidationErrors() {
    }

    /** Query, path and form parameters refused by their constraints (a {@code @RequestParam} with {@code @NameText}). */
    static Map<String, String> parameterErrors(HandlerMethodValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name()
                    : String.valueOf(result.getMethodParameter().getParameterName());
            if (result instanceof ParameterErrors nested) {
                nested.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), message(f)));
            } else {
                result.getResolvableErrors().forEach(r -> errors.putIfAbsent(name, r.getDefaultMessage()));
            }
        });
        return errors;
    }

    /** Field errors of a form or body: the constraint's Chinese message, or "格式不正确" for a value not converted. */
    static Map<String, String> fieldErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), message(f)));
        binding.getGlobalErrors().forEach(g -> errors.putIfAbsent("", g.getDefaultMessage()));
        return errors;
    }

    private static String message(FieldError f) {
        return f.isBindingFailure() || f.getDefaultMessage() == null
                ? f.getField() + " 的值“" + quote(f.getRejectedValue()) + "”格式不正确" : f.getDefaultMessage();
    }

    static String quote(Object value) {
        String s = String.valueOf(value);
        s = s.codePoints().limit(QUOTED + 1L).map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.codePointCount(0, s.length()) > QUOTED ? s.substring(0, s.offsetByCodePoints(0, QUOTED)) + "…" : s;
    }
}
