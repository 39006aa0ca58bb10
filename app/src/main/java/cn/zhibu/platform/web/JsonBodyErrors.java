package cn.zhibu.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Reads what Jackson says about an unreadable body: which field, what it should have been. */
final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    static Problem describe(HttpMessageNotReadableException e) {
        // Jackson's own exception, not its root cause (a date's DateTimeException knows no field)
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof tools.jackson.core.JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof tools.jackson.core.exc.StreamConstraintsException) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "请求内容过大（JSON 文档不超过1 MB，单个字符串不超过10万字）");
        }
        if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Trailing token")) { // Jackson's wording: no type of its own
            return Problem.of(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON（文档之后还有多余的内容）");
        }
        if (cause instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
            String field = path(j.getPath());
            Class<?> target = cause instanceof tools.jackson.databind.exc.MismatchedInputException m
                    ? m.getTargetType() : null;
            String reason = cause instanceof tools.jackson.databind.exc.InvalidNullException ? "不能为空值（null）"
                    : target == null ? "格式不正确" : "应为" + kind(target);
            return Problem.invalid(field, "字段 " + field + " " + reason);
        }
        if (cause instanceof tools.jackson.core.exc.StreamReadException s) {
            var at = s.getLocation();
            return Problem.of(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON" + (at == null || at.getLineNr() < 0
                    ? "" : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近）"));
        }
        if (cause instanceof tools.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return Problem.of(HttpStatus.BAD_REQUEST, "请求内容应为" + kind(m.getTargetType()));
        }
        return Problem.of(HttpStatus.BAD_REQUEST, "缺少请求内容，或请求内容不是有效的 JSON");
    }

    private static String path(java.util.List<tools.jackson.core.JacksonException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (var ref : refs) {
            if (ref.getPropertyName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                s.append('[').append(ref.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** What a value of this type looks like, in Chinese (for "应为…"). */
    static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " true 或 false";
        }
        if (type == java.time.LocalDate.class) {
            return "日期，格式为 年-月-日，例如 2024-07-01";
        }
        if (type == java.time.YearMonth.class) {
            return "年月，格式为 年-月，例如 2024-07";
        }
        if (type.isEnum()) {
            return "以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(java.util.stream.Collectors.joining("、"));
        }
        if (type == String.class) {
            return "文本（带引号的字符串）";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "数组";
        }
        return "对象";
    }

    static String expected(Class<?> type) {
        return type == null || type == String.class ? "" : "，应为" + kind(type);
    }
}
