package cn.zhibu.admission;

import cn.zhibu.member.Gender;

import java.time.LocalDate;

/** A case as the pipeline lists it: the person, the stage, and what is waiting (step, who acts, by when). */
public record CaseSummary(long id, long orgId, String orgName, String name, Gender gender, AdmissionStage stage,
                          LocalDate appliedOn, AdmissionStep nextStep, LocalDate nextDate, boolean nextIsEarliest,
                          boolean overdue) {

    public StepActor actor() {
        return nextStep == null ? null : nextStep.actor();
    }
}
