package cn.zhibu.admission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.zhibu.admission.AdmissionStep.*;

/**
 * The order of the 25 steps (D1) and the dates that follow from what is recorded: which steps may be done now, what
 * is next and by when, when probation ends. Pure: it reads the recorded steps and nothing else.
 *
 * <p>Steps 22–24 form a cycle that starts again after an approved extension of probation (D11); a failed vote at 15
 * or 23 and a refused approval at 24 leave the step to be done again.
 */
public final class AdmissionFlow {

    private static final Map<AdmissionStep, List<AdmissionStep>> PREREQUISITES = new EnumMap<>(AdmissionStep.class);

    static {
        PREREQUISITES.put(APPLICATION, List.of());
        PREREQUISITES.put(FIRST_TALK, List.of(APPLICATION));
        PREREQUISITES.put(ACTIVIST_CHOSEN, List.of(FIRST_TALK));
        PREREQUISITES.put(ACTIVIST_FILED, List.of(ACTIVIST_CHOSEN));
        PREREQUISITES.put(CONTACTS_ASSIGNED, List.of(ACTIVIST_CHOSEN));
        PREREQUISITES.put(ACTIVIST_REVIEW, List.of(CONTACTS_ASSIGNED));
        PREREQUISITES.put(TARGET_CHOSEN, List.of(ACTIVIST_FILED, CONTACTS_ASSIGNED, ACTIVIST_REVIEW));
        PREREQUISITES.put(TARGET_FILED, List.of(TARGET_CHOSEN));
        PREREQUISITES.put(SPONSORS, List.of(TARGET_CHOSEN));
        PREREQUISITES.put(POLITICAL_REVIEW, List.of(TARGET_CHOSEN));
        PREREQUISITES.put(TRAINING, List.of(TARGET_CHOSEN));
        PREREQUISITES.put(COMMITTEE_REVIEW, List.of(TARGET_FILED, SPONSORS, POLITICAL_REVIEW, TRAINING));
        PREREQUISITES.put(PRE_REVIEW, List.of(COMMITTEE_REVIEW));
        PREREQUISITES.put(FORM_FILLED, List.of(PRE_REVIEW));
        PREREQUISITES.put(ADMISSION_MEETING, List.of(FORM_FILLED));
        PREREQUISITES.put(HIGHER_TALK, List.of(ADMISSION_MEETING));
        PREREQUISITES.put(APPROVAL, List.of(HIGHER_TALK));
        PREREQUISITES.put(APPROVAL_FILED, List.of(APPROVAL));
        PREREQUISITES.put(PLACED, List.of(APPROVAL));
        PREREQUISITES.put(OATH, List.of(APPROVAL));
        PREREQUISITES.put(PROBATION_REVIEW, List.of(APPROVAL));
        PREREQUISITES.put(CONVERSION_REQUEST, List.of(APPROVAL, PROBATION_REVIEW));
        PREREQUISITES.put(CONVERSION_MEETING, List.of(CONVERSION_REQUEST));
        PREREQUISITES.put(CONVERSION_APPROVAL, List.of(CONVERSION_MEETING));
        PREREQUISITES.put(ARCHIVED, List.of(CONVERSION_APPROVAL, APPROVAL_FILED, PLACED, OATH));
    }

    private static final Set<AdmissionStep> CYCLE = Set.of(CONVERSION_REQUEST, CONVERSION_MEETING, CONVERSION_APPROVAL);

    private final List<StepRecord> steps;
    private final boolean closed;

    public AdmissionFlow(List<StepRecord> steps) {
        this(steps, false);
    }

    /** @param closed the case was ended by hand (withdrawn, 政审不合格 …): nothing more may be done */
    public AdmissionFlow(List<StepRecord> steps, boolean closed) {
        this.steps = steps.stream().sorted(Comparator.comparingLong(StepRecord::id)).toList();
        this.closed = closed;
    }

    public static AdmissionFlow of(AdmissionCase c) {
        return new AdmissionFlow(c.steps(), c.stage() == AdmissionStage.CLOSED);
    }

    public static List<AdmissionStep> prerequisites(AdmissionStep step) {
        return PREREQUISITES.get(step);
    }

    // ---- what is recorded ------------------------------------------------------------------------------

    /** Records of a step that count now: for 22–24 only those of the current probation cycle. */
    public List<StepRecord> records(AdmissionStep step) {
        long after = CYCLE.contains(step) ? lastExtensionApproval().map(StepRecord::id).orElse(0L) : 0L;
        return steps.stream().filter(r -> r.step() == step && r.id() > after).toList();
    }

    public Optional<StepRecord> last(AdmissionStep step) {
        List<StepRecord> rs = records(step);
        return rs.isEmpty() ? Optional.empty() : Optional.of(rs.get(rs.size() - 1));
    }

    /** Done: the latest record of the step is positive (a vote passed, a review 合格, an approval given). */
    public boolean done(AdmissionStep step) {
        Optional<StepRecord> last = last(step);
        if (last.isEmpty() || !last.get().positive()) {
            return false;
        }
        if (step == CONVERSION_MEETING) {
            // a refused approval sends the decision back to the branch meeting
            return last(CONVERSION_APPROVAL).map(a -> a.id() < last.get().id() || a.positive()).orElse(true);
        }
        if (step == CONVERSION_APPROVAL) {
            return last(CONVERSION_MEETING).map(m -> m.id() < last.get().id()).orElse(false);
        }
        return true;
    }

    public Optional<LocalDate> doneOn(AdmissionStep step) {
        return done(step) ? last(step).map(StepRecord::doneOn) : Optional.empty();
    }

    /** The decision of the branch meeting an approval at step 24 answers. */
    public Optional<ConversionDecision> decisionApproved() {
        return done(CONVERSION_APPROVAL) ? last(CONVERSION_MEETING).map(r -> r.form().decision()) : Optional.empty();
    }

    /** An approved extension: the 23 that decided it and the 24 that approved it (at most one, D11). */
    private Optional<StepRecord> lastExtensionApproval() {
        StepRecord meeting = null;
        StepRecord found = null;
        for (StepRecord r : steps) {
            if (r.step() == CONVERSION_MEETING) {
                meeting = r;
            } else if (r.step() == CONVERSION_APPROVAL && r.positive() && meeting != null
                    && meeting.form().decision() == ConversionDecision.EXTEND) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Months probation was extended by (D11), 0 when not. */
    public int extensionMonths() {
        StepRecord ext = lastExtensionApproval().orElse(null);
        if (ext == null) {
            return 0;
        }
        StepRecord meeting = null;
        for (StepRecord r : steps) {
            if (r.id() > ext.id()) {
                break;
            }
            if (r.step() == CONVERSION_MEETING) {
                meeting = r;
            }
        }
        return meeting == null || meeting.form().extensionMonths() == null ? 0 : meeting.form().extensionMonths();
    }

    public boolean extended() {
        return lastExtensionApproval().isPresent();
    }

    /** D10: the date of the 支部大会 that admitted the person — 党籍 and probation count from it. */
    public Optional<LocalDate> admittedAt() {
        return doneOn(ADMISSION_MEETING);
    }

    /** D10/D11: probation ends one year after the admitting meeting, plus any extension. */
    public Optional<LocalDate> probationEnds() {
        return admittedAt().map(d -> d.plusYears(1).plusMonths(extensionMonths()));
    }

    public AdmissionStage stage() {
        if (closed) {
            return AdmissionStage.CLOSED;
        }
        if (last(APPROVAL).map(r -> !r.positive()).orElse(false)) {
            return AdmissionStage.CLOSED;
        }
        Optional<ConversionDecision> decided = decisionApproved();
        if (decided.filter(d -> d == ConversionDecision.CONVERT).isPresent()) {
            return AdmissionStage.FULL;
        }
        if (decided.filter(d -> d == ConversionDecision.CANCEL).isPresent()) {
            return AdmissionStage.CLOSED;
        }
        if (done(APPROVAL)) {
            return AdmissionStage.PROBATIONARY;
        }
        if (done(TARGET_CHOSEN)) {
            return AdmissionStage.TARGET;
        }
        if (done(ACTIVIST_CHOSEN)) {
            return AdmissionStage.ACTIVIST;
        }
        return AdmissionStage.APPLICANT;
    }

    // ---- what may be done ------------------------------------------------------------------------------

    /** Steps that may be recorded now, in number order. */
    public List<AdmissionStep> available() {
        AdmissionStage stage = stage();
        List<AdmissionStep> result = new ArrayList<>();
        if (stage == AdmissionStage.CLOSED) {
            return result;
        }
        for (AdmissionStep s : AdmissionStep.values()) {
            if (mayRecord(s, stage)) {
                result.add(s);
            }
        }
        return result;
    }

    private boolean mayRecord(AdmissionStep s, AdmissionStage stage) {
        if (s == APPLICATION || !prerequisites(s).stream().allMatch(this::done)) {
            return false;
        }
        if (s == ACTIVIST_REVIEW) {
            return !done(TARGET_CHOSEN);
        }
        if (s == PROBATION_REVIEW) {
            return stage == AdmissionStage.PROBATIONARY;
        }
        if (s == ARCHIVED) {
            return stage == AdmissionStage.FULL && !done(ARCHIVED);
        }
        if (CYCLE.contains(s) && stage != AdmissionStage.PROBATIONARY) {
            return false;
        }
        return !done(s);
    }

    /** The latest date among a step's prerequisites: the step cannot be dated before it. */
    public Optional<LocalDate> notBefore(AdmissionStep s) {
        return prerequisites(s).stream().map(this::doneOn).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /**
     * The step the pipeline shows: the first that may be done, other than a review (a review is next only when
     * nothing else is), with its deadline or earliest date.
     */
    public Optional<NextStep> next(RuleSets rules) {
        List<AdmissionStep> open = available();
        Optional<AdmissionStep> step = open.stream().filter(s -> !s.repeatable()).findFirst()
                .or(() -> open.stream().findFirst());
        return step.map(s -> dated(s, rules));
    }

    /** A step with the date that applies to it, if a rule gives one. */
    public NextStep dated(AdmissionStep s, RuleSets rules) {
        return switch (s) {
            case FIRST_TALK -> new NextStep(s, s.actor(), doneOn(APPLICATION).map(d -> d.plusMonths(1)).orElse(null),
                    false, "D3 收到入党申请书后一个月内派人谈话（第七条）");
            case ACTIVIST_REVIEW -> new NextStep(s, s.actor(), reviewDue().orElse(null), false,
                    "D4 每半年对入党积极分子进行一次考察（第十一条）");
            case TARGET_CHOSEN -> new NextStep(s, s.actor(), doneOn(ACTIVIST_CHOSEN).map(d -> d.plusYears(1))
                    .orElse(null), true, "D5 经过一年以上培养教育和考察（第十三条）");
            case ADMISSION_MEETING -> doneOn(PRE_REVIEW).filter(d -> rules.inForce(d).meetingWithinMonthOfPreReview())
                    .map(d -> new NextStep(s, s.actor(), d.plusMonths(1), false, "D8 预审后一个月内召开支部大会（2026年修订）"))
                    .orElse(new NextStep(s, s.actor(), null, false, ""));
            case HIGHER_TALK, APPROVAL -> new NextStep(s, s.actor(), admittedAt().map(d -> d.plusMonths(3))
                    .orElse(null), false, "D10 支部大会决议后三个月内审批（第二十五条）");
            case OATH -> doneOn(APPROVAL).filter(d -> rules.inForce(d).oathWithinMonthOfApproval())
                    .map(d -> new NextStep(s, s.actor(), d.plusMonths(1), false, "D13 批准后一个月内入党宣誓（2026年修订）"))
                    .orElse(new NextStep(s, s.actor(), null, false, ""));
            case CONVERSION_REQUEST -> new NextStep(s, s.actor(), probationEnds().orElse(null), false,
                    "D12 预备期满时提出书面转正申请（第三十三条）");
            case CONVERSION_MEETING -> new NextStep(s, s.actor(), probationEnds().orElse(null), true,
                    "D12 预备期满后，支部大会及时讨论（第三十三条）");
            case CONVERSION_APPROVAL -> new NextStep(s, s.actor(), doneOn(CONVERSION_MEETING)
                    .map(d -> d.plusMonths(3)).orElse(null), false, "D12 支部大会决议后三个月内审批（第三十四条）");
            default -> new NextStep(s, s.actor(), null, false, "");
        };
    }

    /**
     * Every deadline now running on the case (soft rules: D3, D4, D8, D10, D12, D13), and the end of probation, in
     * date order — the reminders of whoever must act.
     */
    public List<NextStep> deadlines(RuleSets rules) {
        List<NextStep> result = new ArrayList<>();
        for (AdmissionStep s : available()) {
            NextStep d = dated(s, rules);
            if (d.date() != null && !d.earliest()) {
                result.add(d);
            }
        }
        if (stage() == AdmissionStage.PROBATIONARY && !done(CONVERSION_MEETING) && result.stream()
                .noneMatch(d -> d.step() == CONVERSION_REQUEST)) {
            result.add(new NextStep(CONVERSION_MEETING, StepActor.BRANCH, probationEnds().orElseThrow(), false,
                    "D11 预备期满，支部大会应及时讨论能否转正（第三十二、三十三条）"));
        }
        result.sort(Comparator.comparing(NextStep::date));
        return result;
    }

    /**
     * D5: the rule set the decision on a 发展对象 (step 7) will be judged by — the one in force on the first day it may
     * be made (a year after the activist was chosen), or today once that day has passed.
     */
    public RuleSet targetRuleSet(RuleSets rules, LocalDate today) {
        return rules.inForce(doneOn(ACTIVIST_CHOSEN).map(d -> d.plusYears(1)).filter(today::isBefore).orElse(today));
    }

    /** D4: the next six-monthly review of an activist, counted from the last review or the day they were chosen. */
    public Optional<LocalDate> reviewDue() {
        if (!done(ACTIVIST_CHOSEN) || done(TARGET_CHOSEN)) {
            return Optional.empty();
        }
        LocalDate from = last(ACTIVIST_REVIEW).map(StepRecord::doneOn).orElse(doneOn(ACTIVIST_CHOSEN).orElseThrow());
        return Optional.of(from.plusMonths(6));
    }
}
