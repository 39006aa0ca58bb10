package cn.zhibu.admission;

import java.time.LocalDate;

/**
 * What is waiting on a case: the step, who must act, and its date — a deadline ({@code earliest} false; overdue once
 * passed) or the earliest day it may be done ({@code earliest} true, e.g. D5's year as an activist).
 */
public record NextStep(AdmissionStep step, StepActor actor, LocalDate date, boolean earliest, String rule) {

    public boolean overdueOn(LocalDate today) {
        return overdue(date, earliest, today);
    }

    /** A deadline (not an earliest day) that has passed. */
    public static boolean overdue(LocalDate date, boolean earliest, LocalDate today) {
        return date != null && !earliest && today.isAfter(date);
    }

    public String dateLabel() {
        if (date == null) {
            return "";
        }
        return earliest ? date + " 起可办理" : date + " 前";
    }
}
