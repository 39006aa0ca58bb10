package cn.zhibu.admission;

import cn.zhibu.admission.internal.AdmissionRecords;
import cn.zhibu.admission.internal.CaseRow;
import cn.zhibu.member.MemberService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static cn.zhibu.admission.AdmissionStep.*;

/**
 * 更正: a recorded step whose details were entered wrong is corrected, with a reason. The step then holds the corrected
 * values (every rule and date reads them); the amendment keeps what each field was, so the original and every
 * correction stay on the case page and in the API, and each is audited. A correction must leave the whole case within
 * the rules: the corrected step is judged again as on the day it was recorded, and every later step against it (D1's
 * order, D5's year, D10's six months, D11's probation …); one that would break a rule is refused with the rule cited.
 */
@Service
public class StepAmendments {

    private static final String XIZE = "《发展党员工作细则》";
    private static final AdmissionRules.Facts LATER_STEPS = new AdmissionRules.Facts(Map.of(), Optional.empty());

    private final AdmissionService admission;
    private final AdmissionRecords records;
    private final RuleSets rules;
    private final MeetingRoll meetingRoll;
    private final MemberService members;
    private final AuditLog audit;

    StepAmendments(AdmissionService admission, AdmissionRecords records, RuleSets rules, MeetingRoll meetingRoll,
                   MemberService members, AuditLog audit) {
        this.admission = admission;
        this.records = records;
        this.rules = rules;
        this.meetingRoll = meetingRoll;
        this.members = members;
        this.audit = audit;
    }

    /** The corrections of a case, oldest first. */
    public List<Amendment> of(DataScope scope, long caseId) {
        admission.get(scope, caseId);
        return records.amendments(caseId);
    }

    @Transactional
    public Amended amend(DataScope scope, long caseId, long stepId, StepAmendment request) {
        CaseRow row = admission.lockCase(scope, caseId, null);
        List<StepRecord> steps = records.steps(caseId);
        StepRecord target = steps.stream().filter(s -> s.id() == stepId).findFirst()
                .orElseThrow(() -> new NotFoundException("该步骤记录不存在"));
        if (!admission.mayRecord(scope, row.orgPath(), target.step())) {
            throw InvalidInputException.of("step", target.step().title() + "是上级党委的决定，须由上级党委（基层党委）的"
                    + "组织管理员更正");
        }
        FieldErrors errors = new FieldErrors();
        StepForm after = corrected(target, steps, request, errors);
        if (request.reason() == null || request.reason().isBlank()) {
            errors.reject("reason", "请填写更正理由（原记录哪里有误）");
        } else if (request.reason().strip().length() > AdmissionRules.TEXT_MAX) {
            errors.reject("reason", "更正理由不能超过" + AdmissionRules.TEXT_MAX + "字");
        }
        errors.throwIfAny();
        if (after.vote() != null && !after.doneOn().equals(target.doneOn())) {
            after = onRollOf(scope, row, target, after);
        }
        AdmissionRules.Facts facts = admission.facts(scope, row, after);
        after = AdmissionService.namedTalkers(after, facts);
        List<Amendment.Change> changes = changes(scope, target.form(), after);
        if (changes.isEmpty()) {
            throw InvalidInputException.of("", "没有要更正的内容：填写的与原记录相同");
        }
        List<String> warnings = recheck(target, after, steps, facts,
                changes.stream().map(Amendment.Change::field).collect(java.util.stream.Collectors.toSet()));
        records.amendStep(stepId, after, rules.inForce(after.doneOn()));
        long amendmentId = records.insertAmendment(caseId, stepId, changes, request.reason().strip(), scope.actorName());
        if (row.stage() != AdmissionStage.CLOSED) {
            // the next step and its deadline follow the corrected dates; the stage and registry dates cannot change
            admission.store(row, row, admission.derive(row, new AdmissionFlow(records.steps(caseId)), row.memberId(),
                    row.approvedOn(), null));
        }
        AdmissionCase updated = admission.get(scope, caseId);
        Amendment amendment = records.amendments(caseId).stream().filter(a -> a.id() == amendmentId).findFirst()
                .orElseThrow();
        audit.record(scope, AdmissionAuditAction.STEP_AMENDED, AdmissionService.ENTITY, caseId, row.orgPath(),
                snapshot(target, changes, true, null), snapshot(target, changes, false, amendment.reason()));
        return new Amended(updated, amendment, warnings);
    }

    /** Why the date of a recorded step cannot be corrected, if it cannot (for the form to say so before it is tried). */
    public Optional<String> dateLocked(DataScope scope, long caseId, long stepId) {
        List<StepRecord> steps = admission.get(scope, caseId).steps();
        return steps.stream().filter(s -> s.id() == stepId).findFirst().flatMap(s -> dateLocked(s, steps));
    }

    /**
     * Why a step's date cannot be corrected, if it cannot: the application's date decides D2's age; an approval is in
     * the registry; a branch meeting once the 党委 has decided on it (D10: 党籍 and probation count from it).
     */
    static Optional<String> dateLocked(StepRecord target, List<StepRecord> steps) {
        return switch (target.step()) {
            case APPLICATION -> Optional.of("递交入党申请书的日期即申请日期，年龄条件据此判断（D2，" + XIZE
                    + "第五条），不能更正；如登记有误，请终止后重新登记");
            case APPROVAL, CONVERSION_APPROVAL -> Optional.of("上级党委审批的日期已作为党籍、转正的依据记入党员名册（D10、D11），"
                    + "不能在此更正");
            case ADMISSION_MEETING, CONVERSION_MEETING -> decidedAfter(target, steps) ? Optional.of(
                    "上级党委已对该次支部大会的决议作出审批，党籍、预备期自支部大会之日起算并已记入党员名册（D10、D11），"
                            + "会议日期不能更正") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A branch meeting the 党委 has answered: its approval comes after it, before any later meeting of the kind. */
    private static boolean decidedAfter(StepRecord meeting, List<StepRecord> steps) {
        AdmissionStep approval = meeting.step() == ADMISSION_MEETING ? APPROVAL : CONVERSION_APPROVAL;
        return steps.stream().filter(s -> s.id() > meeting.id() && (s.step() == approval || s.step() == meeting.step()))
                .findFirst().map(s -> s.step() == approval).orElse(false);
    }

    /** The step's form with the corrections applied; a field the step does not have, or may not change, is refused. */
    private static StepForm corrected(StepRecord target, List<StepRecord> steps, StepAmendment r, FieldErrors errors) {
        StepForm f = target.form();
        AdmissionStep s = target.step();
        LocalDate doneOn = f.doneOn();
        if (r.doneOn() != null && !r.doneOn().equals(f.doneOn())) {
            Optional<String> locked = dateLocked(target, steps);
            locked.ifPresent(why -> errors.reject("doneOn", why));
            doneOn = locked.isPresent() ? doneOn : r.doneOn();
        }
        String actedBy = f.actedBy();
        if (r.actedBy() != null) {
            if (s == APPLICATION) {
                errors.reject("actedBy", "第1步的办理人是申请人本人，不能更正");
            }
            actedBy = blankToNull(r.actedBy());
        }
        List<Long> talkerIds = f.talkerIds();
        if (r.talkerIds() != null) {
            only(s == FIRST_TALK, s, "talkerIds", "谈话人", errors);
            talkerIds = r.talkerIds();
        }
        List<Long> memberIds = f.memberIds();
        if (r.memberIds() != null) {
            only(s == CONTACTS_ASSIGNED || s == SPONSORS, s, "memberIds", "培养联系人或入党介绍人", errors);
            memberIds = r.memberIds();
        }
        String reference = f.reference();
        if (r.reference() != null) {
            only(s == FORM_FILLED || s == ARCHIVED, s, "reference", "编号或归档位置", errors);
            reference = blankToNull(r.reference());
        }
        Integer days = f.trainingDays();
        Integer hours = f.trainingHours();
        if (r.trainingDays() != null || r.trainingHours() != null) {
            only(s == TRAINING, s, "trainingDays", "培训天数和学时", errors);
            days = r.trainingDays() != null ? r.trainingDays() : days;
            hours = r.trainingHours() != null ? r.trainingHours() : hours;
        }
        String group = f.groupOpinion();
        String people = f.publicOpinion();
        if (r.groupOpinion() != null || r.publicOpinion() != null) {
            only(s == CONVERSION_MEETING, s, "groupOpinion", "党小组和党内外群众意见", errors);
            group = r.groupOpinion() != null ? blankToNull(r.groupOpinion()) : group;
            people = r.publicOpinion() != null ? blankToNull(r.publicOpinion()) : people;
        }
        String note = r.note() != null ? blankToNull(r.note()) : f.note();
        return new StepForm(s, doneOn, actedBy, note, memberIds, f.method(), f.body(), f.passed(), days, hours,
                f.leavingSoon(), reference, f.vote(), f.decision(), f.extensionMonths(), group, people,
                f.publicityId(), talkerIds, f.talkerNames());
    }

    private static void only(boolean has, AdmissionStep s, String field, String label, FieldErrors errors) {
        if (!has) {
            errors.reject(field, s.title() + "没有“" + label + "”一项，不能更正");
        }
    }

    /**
     * D9: a meeting moved to another day is counted on that day's roll; a correction may not turn its result (a vote
     * that passed must still pass, and the other way round) — that would be a new decision, not a correction.
     */
    private StepForm onRollOf(DataScope scope, CaseRow row, StepRecord target, StepForm after) {
        StepForm recounted = after.withVote(after.vote().onRoll(meetingRoll.of(scope, row.orgId(), after.doneOn())));
        if (recounted.positive() != target.positive()) {
            throw InvalidInputException.of("doneOn", "按" + after.doneOn() + "当日的党员名册，应到会有表决权的党员为"
                    + recounted.vote().expected() + "人，表决结果将由“" + (target.positive() ? "通过" : "未通过") + "”变为“"
                    + (recounted.positive() ? "通过" : "未通过") + "”（D9，" + XIZE + "第二十、二十一条）：更正不能改变表决结果");
        }
        return recounted;
    }

    /**
     * The corrected step judged again against the steps before it (its own rules, as when it was recorded), then
     * every later step against the corrected record: their dates must still hold. Returns the corrected step's
     * warnings.
     */
    private List<String> recheck(StepRecord target, StepForm after, List<StepRecord> steps,
                                 AdmissionRules.Facts facts, java.util.Set<String> changed) {
        LocalDate today = LocalDate.now();
        List<StepRecord> amended = steps.stream().map(s -> s.id() != target.id() ? s : new StepRecord(s.id(), s.step(),
                after.doneOn(), after, rules.inForce(after.doneOn()), s.recordedBy(), s.recordedAt())).toList();
        AdmissionRules.Verdict own = AdmissionRules.check(after, new AdmissionFlow(before(amended, target.id())), rules,
                facts, today);
        try {
            own.errors().throwIfAny();
        } catch (InvalidInputException refused) {
            Map<String, String> problems = new LinkedHashMap<>(refused.fieldErrors());
            // the people and 公示 as they are today judge only a correction of them (or of the date, for the 公示):
            // a sponsor disciplined since does not stop a corrected note
            if (!changed.contains("memberIds")) {
                problems.remove("memberIds");
            }
            if (!changed.contains("talkerIds") && !changed.contains("actedBy")) {
                problems.remove("talkerIds");
            }
            if (!changed.contains("doneOn")) {
                problems.remove("publicityId");
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        FieldErrors later = new FieldErrors();
        for (StepRecord r : amended) {
            if (r.id() <= target.id()) {
                continue;
            }
            // only the dates are judged again: the people and 公示 of a later step were checked when it was recorded
            AdmissionRules.Verdict v = AdmissionRules.check(r.form(), new AdmissionFlow(before(amended, r.id())), rules,
                    LATER_STEPS, today);
            try {
                v.errors().throwIfAny();
            } catch (InvalidInputException refused) {
                String problem = refused.fieldErrors().get("doneOn");
                if (problem != null) {
                    later.reject("doneOn", "更正后，已办理的" + r.step().title() + "（" + r.doneOn() + "）将不符合规定：" + problem);
                }
            }
        }
        later.throwIfAny();
        return own.warnings();
    }

    private static List<StepRecord> before(List<StepRecord> steps, long id) {
        return steps.stream().filter(s -> s.id() < id).toList();
    }

    private List<Amendment.Change> changes(DataScope scope, StepForm was, StepForm is) {
        List<Amendment.Change> changes = new ArrayList<>();
        change(changes, "doneOn", "办理日期", was.doneOn(), is.doneOn());
        change(changes, "talkerIds", "谈话人", String.join("、", was.talkerNames()), String.join("、", is.talkerNames()));
        change(changes, "actedBy", was.step() == FIRST_TALK ? "其他谈话人" : "经办人或决定机构", was.actedBy(), is.actedBy());
        if (!was.memberIds().equals(is.memberIds())) {
            change(changes, "memberIds", was.step() == SPONSORS ? "入党介绍人" : "培养联系人", names(scope, was.memberIds()),
                    names(scope, is.memberIds()));
        }
        change(changes, "reference", was.step() == ARCHIVED ? "归档位置" : "入党志愿书编号", was.reference(), is.reference());
        change(changes, "trainingDays", "培训天数", was.trainingDays(), is.trainingDays());
        change(changes, "trainingHours", "培训学时", was.trainingHours(), is.trainingHours());
        change(changes, "groupOpinion", "党小组意见", was.groupOpinion(), is.groupOpinion());
        change(changes, "publicOpinion", "党内外群众意见", was.publicOpinion(), is.publicOpinion());
        change(changes, "note", "说明", was.note(), is.note());
        return changes;
    }

    private static void change(List<Amendment.Change> changes, String field, String label, Object was, Object is) {
        String before = was == null || was.toString().isEmpty() ? null : was.toString();
        String after = is == null || is.toString().isEmpty() ? null : is.toString();
        if (!Objects.equals(before, after)) {
            changes.add(new Amendment.Change(field, label, before, after));
        }
    }

    /** Members by name as the caller sees them; one out of sight by number only. */
    private String names(DataScope scope, List<Long> ids) {
        List<String> names = new ArrayList<>();
        for (Long id : ids) {
            try {
                names.add(members.get(scope, id).name());
            } catch (NotFoundException gone) {
                names.add("党员编号" + id);
            }
        }
        return String.join("、", names);
    }

    private static Map<String, Object> snapshot(StepRecord step, List<Amendment.Change> changes, boolean before,
                                                String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step.step().number());
        m.put("stepId", step.id());
        for (Amendment.Change c : changes) {
            m.put(c.field(), before ? c.before() : c.after());
        }
        if (reason != null) {
            m.put("reason", reason);
        }
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
