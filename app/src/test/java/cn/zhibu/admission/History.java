package cn.zhibu.admission;

import cn.zhibu.member.MemberStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A recorded history built step by step for the pure rule tests, each step checked as the service would. */
final class History {

    static final AdmissionRules.Person FULL_A = new AdmissionRules.Person(1, "甲", MemberStatus.FULL, false);
    static final AdmissionRules.Person FULL_B = new AdmissionRules.Person(2, "乙", MemberStatus.FULL, false);
    static final AdmissionRules.Person PROBATIONARY_C = new AdmissionRules.Person(3, "丙", MemberStatus.PROBATIONARY,
            false);
    static final AdmissionRules.Person DISCIPLINED_D = new AdmissionRules.Person(4, "丁", MemberStatus.FULL, true);
    static final AdmissionRules.Facts PEOPLE = new AdmissionRules.Facts(Map.of(1L, FULL_A, 2L, FULL_B, 3L,
            PROBATIONARY_C, 4L, DISCIPLINED_D), Optional.empty());
    static final LocalDate TODAY = LocalDate.of(2030, 1, 1);

    final List<StepRecord> steps = new ArrayList<>();
    final RuleSets rules;
    private long nextId = 1;

    History(RuleSets rules, LocalDate appliedOn) {
        this.rules = rules;
        add(StepForm.simple(AdmissionStep.APPLICATION, appliedOn, "本人", null));
    }

    static History applied(LocalDate on) {
        return new History(RuleSets.of(null), on);
    }

    AdmissionFlow flow() {
        return new AdmissionFlow(steps);
    }

    AdmissionRules.Verdict check(StepForm f) {
        return check(f, PEOPLE);
    }

    AdmissionRules.Verdict check(StepForm f, AdmissionRules.Facts facts) {
        return AdmissionRules.check(f, flow(), rules, facts, TODAY);
    }

    /** Records the step, failing the test if a hard rule refuses it. */
    History add(StepForm f) {
        if (f.step() != AdmissionStep.APPLICATION) {
            AdmissionRules.Verdict v = check(f);
            if (!v.errors().isEmpty()) {
                try {
                    v.errors().throwIfAny();
                } catch (RuntimeException e) {
                    throw new AssertionError(f.step().title() + " refused: " + e.getMessage(), e);
                }
            }
        }
        steps.add(new StepRecord(nextId++, f.step(), f.doneOn(), f, rules.inForce(f.doneOn()), "测试", null));
        return this;
    }

    static StepForm step(AdmissionStep s, LocalDate on) {
        return StepForm.simple(s, on, "经办人", null);
    }

    /** A vote of the room counted on a roll of {@code voters}, as the server fills it in (D9). */
    static BranchVote vote(int voters, int present, int yes) {
        return BranchVote.of(present, yes, present - yes, 0, 0, 0).onRoll(roll(voters));
    }

    /** A roll of {@code n} voting members with ids 101, 102 … */
    static List<BranchVote.Voter> roll(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new BranchVote.Voter(100 + i, "党员" + i))
                .toList();
    }

    /** A valid history up to and including the admitting branch meeting on {@code meeting}. */
    static History admittedAt(LocalDate applied, LocalDate meeting) {
        History h = activist(applied, applied.plusMonths(2));
        LocalDate target = applied.plusMonths(2).plusYears(1);
        h.add(new StepForm(AdmissionStep.TARGET_CHOSEN, target, null, null, null, null, DecidingBody.COMMITTEE, null,
                null, null, null, null, null, null, null, null, null, null));
        h.add(step(AdmissionStep.TARGET_FILED, target).withPassed(true));
        h.add(step(AdmissionStep.SPONSORS, target).withMembers(List.of(1L, 2L)));
        h.add(step(AdmissionStep.POLITICAL_REVIEW, target).withPassed(true));
        h.add(new StepForm(AdmissionStep.TRAINING, target, null, null, null, null, null, null, 3, null, null, null,
                null, null, null, null, null, null));
        h.add(step(AdmissionStep.COMMITTEE_REVIEW, target));
        h.add(step(AdmissionStep.PRE_REVIEW, target).withPassed(true));
        h.add(new StepForm(AdmissionStep.FORM_FILLED, target, null, null, null, null, null, null, null, null, null,
                "No.001", null, null, null, null, null, null));
        h.add(step(AdmissionStep.ADMISSION_MEETING, meeting).withVote(vote(16, 12, 10)));
        return h;
    }

    /** A valid history up to an activist with contacts and one review. */
    static History activist(LocalDate applied, LocalDate chosen) {
        History h = applied(applied);
        h.add(step(AdmissionStep.FIRST_TALK, applied.plusDays(10)));
        h.add(new StepForm(AdmissionStep.ACTIVIST_CHOSEN, chosen, null, null, null, RecommendationMethod.MEMBERS,
                DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null, null, null, null));
        h.add(step(AdmissionStep.ACTIVIST_FILED, chosen));
        h.add(step(AdmissionStep.CONTACTS_ASSIGNED, chosen).withMembers(List.of(1L)));
        h.add(step(AdmissionStep.ACTIVIST_REVIEW, chosen.plusMonths(6)));
        return h;
    }

    /** Admitted, approved, with a probation review and a 转正 application: ready for the 转正 meeting. */
    static History probationary(LocalDate applied, LocalDate meeting) {
        History h = admittedAt(applied, meeting);
        h.add(new StepForm(AdmissionStep.HIGHER_TALK, meeting.plusMonths(1), "上级谈话人", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null));
        h.add(step(AdmissionStep.APPROVAL, meeting.plusMonths(2)).withPassed(true));
        h.add(step(AdmissionStep.APPROVAL_FILED, meeting.plusMonths(3)));
        h.add(step(AdmissionStep.PLACED, meeting.plusMonths(2)));
        h.add(step(AdmissionStep.OATH, meeting.plusMonths(2).plusDays(10)));
        h.add(step(AdmissionStep.PROBATION_REVIEW, meeting.plusMonths(8)));
        h.add(step(AdmissionStep.CONVERSION_REQUEST, meeting.plusYears(1).minusDays(5)));
        return h;
    }

    static StepForm conversionMeeting(LocalDate on, ConversionDecision decision, Integer months) {
        return new StepForm(AdmissionStep.CONVERSION_MEETING, on, null, null, null, null, null, null, null, null, null,
                null, vote(16, 12, 10), decision, months, "党小组同意", "征求党员群众意见无异议", null);
    }
}
