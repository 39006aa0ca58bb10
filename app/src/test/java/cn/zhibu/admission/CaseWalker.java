package cn.zhibu.admission;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.admission.AdmissionStep.*;
import static cn.zhibu.support.TestData.SYSTEM;

/** Records the steps of a case through the service with valid dates, up to a given point (for tests about effects). */
final class CaseWalker {

    private final AdmissionService admission;
    private final long caseId;
    private final LocalDate applied;

    CaseWalker(AdmissionService admission, long caseId, LocalDate applied) {
        this.admission = admission;
        this.caseId = caseId;
        this.applied = applied;
    }

    private void step(AdmissionStep s, LocalDate on) {
        admission.record(SYSTEM, caseId, StepForm.simple(s, on, "经办人", null));
    }

    private void step(StepForm f) {
        admission.record(SYSTEM, caseId, f);
    }

    /** To an activist (chosen two months after applying). */
    CaseWalker activist(List<Long> contacts) {
        step(FIRST_TALK, applied.plusDays(10));
        step(new StepForm(ACTIVIST_CHOSEN, applied.plusMonths(2), null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        step(ACTIVIST_FILED, applied.plusMonths(2));
        step(StepForm.simple(CONTACTS_ASSIGNED, applied.plusMonths(2), "经办人", null).withMembers(contacts));
        step(ACTIVIST_REVIEW, applied.plusMonths(8));
        return this;
    }

    /** From an activist to the 入党志愿书 filled in: ready for the admitting branch meeting (step 15). */
    CaseWalker readyForMeeting(List<Long> sponsors) {
        LocalDate target = applied.plusMonths(2).plusYears(1);
        step(new StepForm(TARGET_CHOSEN, target, null, null, null, null, DecidingBody.COMMITTEE, null, null, null,
                null, null, null, null, null, null, null, null));
        step(TARGET_FILED, target);
        step(StepForm.simple(SPONSORS, target, "经办人", null).withMembers(sponsors));
        step(StepForm.simple(POLITICAL_REVIEW, target, "经办人", null).withPassed(true));
        step(new StepForm(TRAINING, target, null, null, null, null, null, null, 3, null, null, null, null, null, null,
                null, null, null));
        step(COMMITTEE_REVIEW, target);
        step(StepForm.simple(PRE_REVIEW, target, "经办人", null).withPassed(true));
        step(new StepForm(FORM_FILLED, target, null, null, null, null, null, null, null, null, null, "志愿书", null,
                null, null, null, null, null));
        return this;
    }

    /**
     * From an activist to approved as a 预备党员 at a branch meeting on {@code meeting}, where all {@code voters} on
     * the branch's roll of that day attend and vote yes.
     */
    CaseWalker approved(List<Long> sponsors, int voters, LocalDate meeting) {
        readyForMeeting(sponsors);
        step(StepForm.simple(ADMISSION_MEETING, meeting, "经办人", null)
                .withVote(BranchVote.of(voters, voters, 0, 0, 0, 0)));
        step(HIGHER_TALK, meeting.plusDays(10));
        step(StepForm.simple(APPROVAL, meeting.plusMonths(1), "经办人", null).withPassed(true));
        return this;
    }
}
