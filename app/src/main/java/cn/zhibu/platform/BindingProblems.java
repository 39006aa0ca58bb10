package cn.zhibu.platform;

import org.springframework.validation.BindingResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns form fields that could not even be converted (a date like "2024-13-40") into Chinese messages. */
public final class BindingProblems {

    private BindingProblems() {
    }

    public static void throwIfAny(BindingResult binding) {
        if (!binding.hasErrors()) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
                "“" + e.getRejectedValue() + "”格式不正确" + hint(binding, e.getField())));
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("", "提交的内容格式不正确"));
        throw new InvalidInputException(errors);
    }

    private static String hint(BindingResult binding, String field) {
        Class<?> type = binding.getFieldType(field);
        if (type == java.time.LocalDate.class) {
            return "，日期格式为 年-月-日，例如 2024-07-01";
        }
        if (type != null && Number.class.isAssignableFrom(type)) {
            return "，应为数字";
        }
        return "";
    }
}
