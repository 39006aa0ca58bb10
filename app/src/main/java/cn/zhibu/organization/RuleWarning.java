package cn.zhibu.organization;

/** A rule of RULES.md that an organization does not meet, in Chinese, with the rule id. */
public record RuleWarning(String ruleId, Severity severity, String message) {

    public enum Severity {
        /** Breaks a regulation ("应当"). */
        VIOLATION,
        /** Deviates from a "一般" guideline or needs attention soon. */
        ATTENTION
    }

    public boolean isViolation() {
        return severity == Severity.VIOLATION;
    }
}
