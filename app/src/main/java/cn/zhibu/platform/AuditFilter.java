package cn.zhibu.platform;

import cn.zhibu.platform.input.SensibleDate;

import java.time.LocalDate;

/**
 * Which audit entries to show, besides the caller's scope: the kind of record, the action, the person who acted (by
 * user id, or by the beginning of their name) and the days (inclusive, in the server's time zone). Nulls do not
 * filter.
 */
public record AuditFilter(String entityType, String action, Long actorId, String actor, LocalDate from, LocalDate to) {

    public AuditFilter {
        entityType = blankToNull(entityType);
        action = blankToNull(action);
        actor = blankToNull(actor);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public static AuditFilter ofType(String entityType) {
        return new AuditFilter(entityType, null, null, null, null, null);
    }

    /** The filter when its dates make sense: otherwise a 400 naming {@code from} or {@code to}. */
    public AuditFilter checked() {
        FieldErrors errors = new FieldErrors();
        String fromProblem = SensibleDate.Check.problem("开始日期", from);
        String toProblem = SensibleDate.Check.problem("结束日期", to);
        if (fromProblem != null) {
            errors.reject("from", fromProblem);
        }
        if (toProblem != null) {
            errors.reject("to", toProblem);
        }
        if (fromProblem == null && toProblem == null && from != null && to != null && to.isBefore(from)) {
            errors.reject("to", "结束日期（" + to + "）不能早于开始日期（" + from + "）");
        }
        errors.throwIfAny();
        return this;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
