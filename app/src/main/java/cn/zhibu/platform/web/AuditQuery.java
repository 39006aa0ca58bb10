package cn.zhibu.platform.web;

import cn.zhibu.platform.AuditFilter;
import cn.zhibu.platform.FieldErrors;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The audit filter as the page and the API receive it: text query parameters, read here so that a date that is no
 * date ("2026-02-30", a six-digit year) is a 400 naming {@code from} or {@code to}, like a date out of sense.
 */
record AuditQuery(String type, String action, String actorId, String actor, String from, String to) {

    AuditFilter filter() {
        FieldErrors errors = new FieldErrors();
        Long actorNumber = null;
        if (actorId != null && !actorId.isBlank()) {
            try {
                actorNumber = Long.valueOf(actorId.strip());
            } catch (NumberFormatException e) {
                errors.reject("actorId", "操作人编号应为数字");
            }
        }
        LocalDate fromDay = date(from, "from", "开始日期", errors);
        LocalDate toDay = date(to, "to", "结束日期", errors);
        errors.throwIfAny();
        return new AuditFilter(type, action, actorNumber, actor, fromDay, toDay).checked();
    }

    private static LocalDate date(String raw, String field, String label, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.reject(field, label + "应为有效日期，格式如 2026-01-31");
            return null;
        }
    }

    /** The query string of this filter, for the pager and the export link ("" or "a=b&…&"). */
    String queryString() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "type", type);
        add(b, "action", action);
        add(b, "actorId", actorId);
        add(b, "actor", actor);
        add(b, "from", from);
        add(b, "to", to);
        String q = b.encode().build().getQuery();
        return q == null ? "" : q + "&";
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.strip());
        }
    }
}
