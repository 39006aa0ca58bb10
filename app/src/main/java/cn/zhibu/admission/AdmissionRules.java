package cn.zhibu.admission;

import cn.zhibu.member.MemberStatus;
import cn.zhibu.platform.FieldErrors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.zhibu.admission.AdmissionStep.*;

/**
 * RULES.md §1 as pure functions: hard rules refuse a step with the regulation and article in Chinese; soft rules
 * (deadlines) let it through with a warning. Judged by the rule set in force on the step's date.
 */
public final class AdmissionRules {

    /** D2: applicants are at least 18 on the application date (第五条). */
    public static final int MINIMUM_AGE = 18;
    static final int TEXT_MAX = 500;
    private static final String XIZE = "《发展党员工作细则》";

    private AdmissionRules() {
    }

    /** A registry member named as 培养联系人 or 入党介绍人, as the rules need to see them. */
    public record Person(long id, String name, MemberStatus status, boolean underDisciplinaryProbation) {
    }

    /** A 公示 as the rules need to see it (D5 [2026?]). */
    public record Publicity(LocalDate startsOn, LocalDate endsOn, int workingDays, boolean withdrawn) {
    }

    /**
     * What else the rules read: the people named in the form (by id; absent = not found in scope), the 公示, and
     * whether the branch has a committee on record (D4: it decides; without one the 支部大会 does); for D3, the names
     * and member ids of its 书记, 副书记 and 组织委员 on record (empty when none is recorded) and the talkers picked
     * (by id; absent = not found in scope).
     */
    public record Facts(Map<Long, Person> people, Optional<Publicity> publicity, boolean branchHasCommittee,
                        java.util.Set<String> talkers, java.util.Set<Long> talkerSeats, Map<Long, String> talkerPeople) {

        public Facts(Map<Long, Person> people, Optional<Publicity> publicity, boolean branchHasCommittee,
                     java.util.Set<String> talkers) {
            this(people, publicity, branchHasCommittee, talkers, java.util.Set.of(), Map.of());
        }

        public Facts(Map<Long, Person> people, Optional<Publicity> publicity) {
            this(people, publicity, true, java.util.Set.of());
        }
    }

    /** Errors refuse; warnings are shown and become reminders. */
    public record Verdict(FieldErrors errors, List<String> warnings) {
    }

    /** D2: the applicant is at least 18 on the day the application is handed in. */
    public static Optional<String> ageProblem(LocalDate birthDate, LocalDate appliedOn) {
        if (birthDate.plusYears(MINIMUM_AGE).isAfter(appliedOn)) {
            return Optional.of("申请入党须年满十八岁：递交申请书之日（" + appliedOn + "）未满十八周岁（" + XIZE + "第五条）");
        }
        return Optional.empty();
    }

    public static Verdict check(StepForm f, AdmissionFlow flow, RuleSets rules, Facts facts, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        List<String> warnings = new ArrayList<>();
        if (f.step() == null) {
            errors.reject("step", "请选择要办理的步骤");
            return new Verdict(errors, warnings);
        }
        if (!flow.available().contains(f.step())) {
            errors.reject("step", notAvailable(f.step(), flow));
            return new Verdict(errors, warnings);
        }
        text(f.actedBy(), "actedBy", "经办人/决定机构", 100, errors);
        text(f.note(), "note", "说明", TEXT_MAX, errors);
        if (f.doneOn() == null) {
            errors.reject("doneOn", "请填写办理日期");
            return new Verdict(errors, warnings);
        }
        if (f.doneOn().isAfter(today)) {
            errors.reject("doneOn", "办理日期不能晚于今天");
        }
        RuleSet set = rules.inForce(f.doneOn());
        switch (f.step()) {
            case FIRST_TALK -> {
                firstTalker(f, facts, errors, warnings);
                LocalDate due = flow.doneOn(APPLICATION).orElseThrow().plusMonths(1);
                if (f.doneOn().isAfter(due)) {
                    warnings.add("谈话晚于收到申请书后一个月（应于" + due + "前，" + XIZE + "第七条）");
                }
            }
            case ACTIVIST_CHOSEN -> {
                if (f.method() == null) {
                    errors.reject("method", "请选择推荐方式：党员推荐或群团组织推优（" + XIZE + "第八条）");
                }
                if (f.body() == null) {
                    errors.reject("body", "请选择决定机构：支部委员会（未设支委会的为支部党员大会）（" + XIZE + "第八条）");
                }
                deciderWithoutCommittee(f, facts, warnings);
                LocalDate applied = flow.doneOn(APPLICATION).orElseThrow();
                int wait = rules.activistMinMonths();
                if (wait > 0 && f.doneOn().isBefore(applied.plusMonths(wait))) {
                    errors.reject("doneOn", "按本地规定，递交入党申请书满" + wait + "个月后方可确定为入党积极分子（应在"
                            + applied.plusMonths(wait) + "及以后）");
                }
            }
            case CONTACTS_ASSIGNED -> fullMembers(f, facts, 1, 2, "培养联系人", "第九条", errors);
            case ACTIVIST_REVIEW -> flow.reviewDue().filter(f.doneOn()::isAfter).ifPresent(due ->
                    warnings.add("距上次考察已超过半年（应于" + due + "前考察，" + XIZE + "第十一条）"));
            case TARGET_CHOSEN -> {
                LocalDate activist = flow.doneOn(ACTIVIST_CHOSEN).orElseThrow();
                if (f.doneOn().isBefore(activist.plusYears(1))) {
                    errors.reject("doneOn", "距确定为入党积极分子（" + activist + "）未满一年（" + XIZE + "第十三条）");
                }
                if (f.body() == null) {
                    errors.reject("body", "请选择决定机构");
                }
                deciderWithoutCommittee(f, facts, warnings);
                if (set.publicityBeforeTarget()) {
                    publicity(f, facts, set, errors);
                }
            }
            case TARGET_FILED -> {
                if (set.targetNeedsConsent() && f.passed() == null) {
                    errors.reject("passed", "请选择上级党委是否同意（" + set.title() + "：确定发展对象须经上级党委同意）");
                }
            }
            case SPONSORS -> fullMembers(f, facts, 2, 2, "入党介绍人", "第十五条", errors);
            case POLITICAL_REVIEW -> outcome(f, "政治审查结论", errors);
            case TRAINING -> {
                int days = f.trainingDays() == null ? 0 : f.trainingDays();
                int hours = f.trainingHours() == null ? 0 : f.trainingHours();
                if (days < 0 || hours < 0 || days > 365 || hours > 2000) {
                    errors.reject("trainingDays", "培训天数或学时不在合理范围内");
                } else if (days < 3 && hours < 24) {
                    errors.reject("trainingDays", "集中培训不少于3天（或不少于24个学时），本次为" + days + "天、" + hours
                            + "学时（" + XIZE + "第十七条）");
                }
            }
            case COMMITTEE_REVIEW -> {
                if (Boolean.TRUE.equals(f.leavingSoon())) {
                    errors.reject("leavingSoon", "发展对象未来3个月内将离开工作、学习单位的，一般不办理接收预备党员手续（"
                            + XIZE + "第十九条）");
                }
            }
            case PRE_REVIEW -> outcome(f, "预审结论", errors);
            case FORM_FILLED -> required(f.reference(), "reference", "请填写入党志愿书编号", errors);
            case ADMISSION_MEETING -> {
                vote(f, errors);
                flow.doneOn(PRE_REVIEW).filter(d -> rules.inForce(d).meetingWithinMonthOfPreReview())
                        .filter(d -> f.doneOn().isAfter(d.plusMonths(1))).ifPresent(d ->
                                warnings.add("支部大会晚于预审后一个月（应于" + d.plusMonths(1) + "前，" + RuleSet.V2026.title() + "）"));
            }
            case HIGHER_TALK -> required(f.actedBy(), "actedBy", "请填写上级党委派出的谈话人", errors);
            case APPROVAL -> {
                outcome(f, "审批结论", errors);
                LocalDate meeting = flow.admittedAt().orElseThrow();
                if (f.doneOn().isAfter(meeting.plusMonths(6))) {
                    errors.reject("doneOn", "上级党委审批最长不得超过支部大会决议后六个月（应于" + meeting.plusMonths(6) + "前，"
                            + XIZE + "第二十五条）");
                } else if (f.doneOn().isAfter(meeting.plusMonths(3))) {
                    warnings.add("审批超过支部大会决议后三个月（" + meeting.plusMonths(3) + "），须有延长审批的理由（" + XIZE
                            + "第二十五条）");
                }
            }
            case OATH -> flow.doneOn(APPROVAL).filter(d -> rules.inForce(d).oathWithinMonthOfApproval())
                    .filter(d -> f.doneOn().isAfter(d.plusMonths(1))).ifPresent(d ->
                            warnings.add("入党宣誓晚于批准后一个月（应于" + d.plusMonths(1) + "前，" + RuleSet.V2026.title() + "）"));
            case CONVERSION_MEETING -> conversionMeeting(f, flow, errors);
            case CONVERSION_APPROVAL -> {
                outcome(f, "审批结论", errors);
                LocalDate meeting = flow.last(CONVERSION_MEETING).orElseThrow().doneOn();
                if (f.doneOn().isAfter(meeting.plusMonths(3))) {
                    warnings.add("转正审批超过支部大会决议后三个月（" + meeting.plusMonths(3) + "）（" + XIZE + "第三十四条）");
                }
            }
            case ARCHIVED -> required(f.reference(), "reference", "请填写材料归档的位置（人事档案，或党委、县级组织部门保管的党员档案）", errors);
            default -> {
            }
        }
        // after the step's own rules, so that a rule's reason (e.g. D5's year) is the message shown for the date
        flow.notBefore(f.step()).filter(f.doneOn()::isBefore).ifPresent(d ->
                errors.reject("doneOn", "办理日期不能早于前一步骤的日期（" + d + "）"));
        return new Verdict(errors, warnings);
    }

    /** The separators people put between names typed into one field ("陈建国、王瑞"). */
    private static final java.util.regex.Pattern NAME_SEPARATORS = java.util.regex.Pattern.compile("[、，,；;/\\s]+");

    /**
     * D3 [S]: the talk is held by the 书记, 副书记 or 组织委员 — one of them among the talkers is enough. Talkers are
     * picked as members (ids in the caller's scope); a name typed into {@code actedBy} (someone not on the roll, or a
     * talk recorded before talkers were picked) counts by its name, each of several names on its own.
     */
    private static void firstTalker(StepForm f, Facts facts, FieldErrors errors, List<String> warnings) {
        List<Long> ids = f.talkerIds();
        List<String> names = f.actedBy() == null ? List.of()
                : java.util.Arrays.stream(NAME_SEPARATORS.split(f.actedBy().strip())).filter(n -> !n.isEmpty()).toList();
        if (ids.isEmpty() && names.isEmpty()) {
            errors.reject("talkerIds", "请选择谈话人（书记、副书记或组织委员）");
            return;
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            errors.reject("talkerIds", "谈话人不能重复");
            return;
        }
        if (ids.stream().anyMatch(id -> !facts.talkerPeople().containsKey(id))) {
            errors.reject("talkerIds", "所选谈话人不在本组织党员名册中");
            return;
        }
        boolean bySeat = ids.stream().anyMatch(facts.talkerSeats()::contains)
                || names.stream().anyMatch(facts.talkers()::contains);
        if (!bySeat && !facts.talkers().isEmpty()) {
            warnings.add("谈话人一般由党支部书记、副书记或组织委员担任（本支部为" + String.join("、",
                    new java.util.TreeSet<>(facts.talkers())) + "）");
        }
    }

    /** D4: a branch with no committee on record decides by its 支部大会; the record may simply be missing, so warn. */
    private static void deciderWithoutCommittee(StepForm f, Facts facts, List<String> warnings) {
        if (f.body() == DecidingBody.COMMITTEE && !facts.branchHasCommittee()) {
            warnings.add("本支部在系统中没有支委会记录：未设支委会的支部应由支部党员大会决定（" + XIZE + "第八条）");
        }
    }

    private static void conversionMeeting(StepForm f, AdmissionFlow flow, FieldErrors errors) {
        vote(f, errors);
        if (f.decision() == null) {
            errors.reject("decision", "请选择支部大会的决定：按期转正、延长预备期或取消预备党员资格");
        } else if (f.decision() == ConversionDecision.EXTEND) {
            if (flow.extended()) {
                errors.reject("decision", "预备期只能延长一次（" + XIZE + "第三十二条）");
            }
            Integer months = f.extensionMonths();
            if (months == null || months < 6 || months > 12) {
                errors.reject("extensionMonths", "延长预备期的时间不能少于半年、最长不超过一年（6至12个月）（" + XIZE + "第三十二条）");
            }
        }
        required(f.groupOpinion(), "groupOpinion", "请填写党小组的意见（" + XIZE + "第三十三条）", errors);
        required(f.publicOpinion(), "publicOpinion", "请填写征求党员和群众意见的情况（" + XIZE + "第三十三条）", errors);
        LocalDate ends = flow.probationEnds().orElseThrow();
        if (f.doneOn().isBefore(ends)) {
            errors.reject("doneOn", "预备期至" + ends + "届满，届满后方可由支部大会讨论转正（" + XIZE + "第三十三条）");
        }
    }

    private static void vote(StepForm f, FieldErrors errors) {
        if (f.vote() == null) {
            errors.reject("vote.present", "请填写支部大会的表决情况（" + XIZE + "第二十、二十一条）");
        } else {
            f.vote().check(errors);
        }
    }

    private static void publicity(StepForm f, Facts facts, RuleSet set, FieldErrors errors) {
        Optional<Publicity> p = facts.publicity();
        if (f.publicityId() == null || p.isEmpty()) {
            errors.reject("publicityId", "确定发展对象前须公示不少于" + RuleSet.TARGET_PUBLICITY_WORKING_DAYS + "个工作日（"
                    + set.title() + "），请先发布公示");
        } else if (p.get().withdrawn()) {
            errors.reject("publicityId", "该公示已撤回，不能作为确定发展对象的依据");
        } else if (p.get().workingDays() < RuleSet.TARGET_PUBLICITY_WORKING_DAYS) {
            errors.reject("publicityId", "公示期为" + p.get().workingDays() + "个工作日，不少于"
                    + RuleSet.TARGET_PUBLICITY_WORKING_DAYS + "个工作日方可（" + set.title() + "）");
        } else if (!f.doneOn().isAfter(p.get().endsOn())) {
            errors.reject("publicityId", "公示期至" + p.get().endsOn() + "结束，结束后方可确定为发展对象（" + set.title() + "）");
        }
    }

    /** D4 (培养联系人, 1–2) and D6 (入党介绍人, exactly 2): 正式党员 only, not under 留党察看. */
    private static void fullMembers(StepForm f, Facts facts, int min, int max, String role, String article,
                                    FieldErrors errors) {
        List<Long> ids = f.memberIds();
        if (new HashSet<>(ids).size() != ids.size()) {
            errors.reject("memberIds", role + "不能重复");
            return;
        }
        if (ids.size() < min || ids.size() > max) {
            errors.reject("memberIds", role + (min == max ? "须为" + min + "名" : "须为" + min + "至" + max + "名") + "正式党员，现为"
                    + ids.size() + "名（" + XIZE + article + "）");
            return;
        }
        for (Long id : ids) {
            Person p = facts.people().get(id);
            if (p == null) {
                errors.reject("memberIds", "所选" + role + "不在本组织党员名册中");
            } else if (p.status() != MemberStatus.FULL) {
                errors.reject("memberIds", p.name() + "是预备党员，不能担任" + role + "（" + XIZE + article + "）");
            } else if (p.underDisciplinaryProbation()) {
                errors.reject("memberIds", p.name() + "正在留党察看期间，不能担任" + role + "（" + XIZE + article + "）");
            }
        }
    }

    private static void outcome(StepForm f, String what, FieldErrors errors) {
        if (f.passed() == null) {
            errors.reject("passed", "请选择" + what);
        }
    }

    private static void required(String value, String field, String message, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject(field, message);
        }
    }

    private static void text(String value, String field, String label, int max, FieldErrors errors) {
        if (value != null && value.length() > max) {
            errors.reject(field, label + "不能超过" + max + "字");
        }
    }

    private static String notAvailable(AdmissionStep step, AdmissionFlow flow) {
        if (flow.stage() == AdmissionStage.CLOSED) {
            return "该发展工作已终止，不能再办理";
        }
        List<String> missing = AdmissionFlow.prerequisites(step).stream().filter(p -> !flow.done(p))
                .map(AdmissionStep::title).toList();
        if (!missing.isEmpty()) {
            return "须先完成：" + String.join("、", missing) + "（" + XIZE + "规定的程序，D1）";
        }
        return step.title() + "已办理，当前不能再次办理";
    }
}
