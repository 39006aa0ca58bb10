package cn.zhibu.admission;

import java.time.Instant;
import java.time.LocalDate;

/** A step as recorded: the form as entered, the rule set it was judged by, who recorded it and when. */
public record StepRecord(long id, AdmissionStep step, LocalDate doneOn, StepForm form, RuleSet ruleSet,
                         String recordedBy, Instant recordedAt) {

    public boolean positive() {
        return form.positive();
    }
}
