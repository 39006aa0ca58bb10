package cn.zhibu.platform;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page form's binding as Chinese messages by field: the input policy's own message for a field it refuses (the
 * form is {@code @Valid}), and "格式不正确" with a hint for one that could not even be converted ("2024-13-40").
 */
public final class BindingProblems {

    private static final int QUOTED = 30;

    private BindingProblems() {
    }

    public static void throwIfAny(BindingResult binding) {
        if (!binding.hasErrors()) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), message(binding, e)));
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("", "提交的内容格式不正确"));
        throw new InvalidInputException(errors);
    }

    private static String message(BindingResult binding, FieldError e) {
        if (!e.isBindingFailure() && e.getDefaultMessage() != null) {
            return e.getDefaultMessage();
        }
        String value = String.valueOf(e.getRejectedValue());
        if (value.length() > QUOTED) {
            value = value.substring(0, QUOTED) + "…";
        }
        return "“" + value + "”格式不正确" + hint(binding, e.getField());
    }

    private static String hint(BindingResult binding, String field) {
        Class<?> type = binding.getFieldType(field);
        if (type == java.time.LocalDate.class) {
            return "，日期格式为 年-月-日，例如 2024-07-01";
        }
        if (type == java.time.LocalDateTime.class) {
            return "，时间格式为 年-月-日T时:分，例如 2024-07-01T14:30";
        }
        if (type != null && Number.class.isAssignableFrom(type)) {
            return "，应为数字";
        }
        return "";
    }
}
