package cn.zhibu.learning.exam;

import cn.zhibu.learning.exam.internal.BankRecords;
import cn.zhibu.learning.exam.internal.ExamRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exams and daily quizzes as their managers set them: an organization's, to its subtree or (from a root only) to
 * everyone; drafts are edited, then published (every rule must find enough questions in a bank the organization may
 * use: its own, an ancestor's, or one the caller manages), then withdrawn if need be. Results per member are read
 * within the caller's scope. An exam out of the caller's managed scope is 404.
 */
@Service
@Transactional(readOnly = true)
public class Exams {

    public static final int MAX_RULES = 20;
    private static final String NOT_FOUND = "考试不存在或不在您的管理范围内";

    private final ExamRecords records;
    private final BankRecords banks;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final Clock clock;
    private final ExamTaking taking;

    Exams(ExamRecords records, BankRecords banks, OrganizationService organizations, AuditLog audit, Clock clock,
          ExamTaking taking) {
        this.records = records;
        this.banks = banks;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
        this.taking = taking;
    }

    @Transactional
    public Exam create(DataScope scope, ExamDraft draft) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以组织考试");
        }
        if (draft.orgId() == null || draft.orgId() <= 0) {
            throw InvalidInputException.of("orgId", "请选择组织考试的党组织");
        }
        Organization org = organizations.lockManaged(scope, draft.orgId());
        ExamRecords.ExamRow row = check(scope, org.path(), org.parentId() == null, draft);
        long id = records.insert(org.id(), org.path(), org.rootId(), row, scope.actorName());
        records.replaceRules(id, draft.rules());
        Exam saved = records.find(id).orElseThrow();
        audit.record(scope, ExamAuditAction.EXAM_SAVED, "exam", id, org.path().value(), null, snapshot(saved));
        return saved;
    }

    @Transactional
    public Exam update(DataScope scope, long id, ExamDraft draft) {
        Exam before = get(scope, id);
        if (!Exam.DRAFT.equals(before.status())) {
            throw InvalidInputException.of("", "考试已发布，不能再修改；如有错误请撤回后重新组织");
        }
        Organization org = organizations.getManaged(scope, before.orgId());
        ExamRecords.ExamRow row = check(scope, org.path(), org.parentId() == null,
                new ExamDraft(before.orgId(), before.daily(), draft.title(), draft.description(), draft.everyone(),
                        draft.opensAt(), draft.closesAt(), draft.timeLimitMinutes(), draft.maxAttempts(),
                        draft.passMark(), draft.partialCredit(), draft.reviewAfterLast(), draft.rules()));
        records.update(id, row);
        records.replaceRules(id, draft.rules());
        Exam after = records.find(id).orElseThrow();
        audit.record(scope, ExamAuditAction.EXAM_SAVED, "exam", id, after.orgPath(), snapshot(before), snapshot(after));
        return after;
    }

    /** Publishes a draft: every rule must find enough questions now. */
    @Transactional
    public Exam publish(DataScope scope, long id) {
        Exam exam = get(scope, id);
        if (!Exam.DRAFT.equals(exam.status())) {
            throw InvalidInputException.of("", "只有草稿可以发布");
        }
        if (!exam.closesAt().isAfter(clock.instant())) {
            throw InvalidInputException.of("closesAt", "结束时间已过，请修改后再发布");
        }
        FieldErrors errors = new FieldErrors();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < exam.rules().size(); i++) {
            ExamRule r = exam.rules().get(i);
            long available = banks.candidates(r).stream().filter(c -> !seen.contains(c.questionId())).count();
            if (available < r.count()) {
                errors.reject("rules[" + i + "].count", "抽题规则“" + r.describe() + "”需要" + r.count()
                        + "道题，题库中只有" + available + "道");
            }
            banks.candidates(r).stream().limit(r.count()).forEach(c -> seen.add(c.questionId()));
        }
        errors.throwIfAny();
        records.setStatus(id, Exam.PUBLISHED);
        Exam after = records.find(id).orElseThrow();
        audit.record(scope, ExamAuditAction.EXAM_PUBLISHED, "exam", id, exam.orgPath(), snapshot(exam), snapshot(after));
        return after;
    }

    @Transactional
    public Exam withdraw(DataScope scope, long id) {
        Exam exam = get(scope, id);
        if (!Exam.PUBLISHED.equals(exam.status())) {
            throw InvalidInputException.of("", "只有已发布的考试可以撤回");
        }
        records.setStatus(id, Exam.WITHDRAWN);
        Exam after = records.find(id).orElseThrow();
        audit.record(scope, ExamAuditAction.EXAM_WITHDRAWN, "exam", id, exam.orgPath(), snapshot(exam), snapshot(after));
        return after;
    }

    /** The exam, or 404 when it does not exist or lies outside the caller's managed scope. */
    public Exam get(DataScope scope, long id) {
        return records.find(id).filter(e -> scope.managesMembersAt(e.orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public List<Exam> list(DataScope scope, boolean daily, int page, int size) {
        Paging paging = Paging.of(page, size);
        return records.managed(scope, daily, paging.size(), paging.offset());
    }

    public long count(DataScope scope, boolean daily) {
        return records.countManaged(scope, daily);
    }

    /** Per member of the caller's scope who attempted (attempts past their deadline graded first). */
    @Transactional
    public List<ExamResult> results(DataScope scope, long id) {
        Exam exam = get(scope, id);
        taking.gradeExpired(null, exam.id());
        return records.results(exam.id(), scope, 10_000);
    }

    private ExamRecords.ExamRow check(DataScope scope, TreePath orgPath, boolean root, ExamDraft d) {
        FieldErrors errors = new FieldErrors();
        String title = QuestionBanks.text(errors, "title", "名称", d.title(), TextKind.NAME, true);
        String description = QuestionBanks.text(errors, "description", "说明", d.description(), TextKind.NOTE, false);
        if (d.everyone() && !(root && scope.managesMembersAt(orgPath.value()) || scope.all())) {
            errors.reject("everyone", "只有根组织的管理者可以面向全体党员组织考试");
        }
        if (d.opensAt() == null) {
            errors.reject("opensAt", "请填写开始时间");
        }
        if (d.closesAt() == null) {
            errors.reject("closesAt", "请填写结束时间");
        } else if (d.opensAt() != null && !d.closesAt().isAfter(d.opensAt())) {
            errors.reject("closesAt", "结束时间应晚于开始时间");
        } else if (d.opensAt() != null && d.closesAt().isAfter(d.opensAt().plusYears(1))) {
            errors.reject("closesAt", "考试开放时间不能超过一年");
        }
        if (d.opensAt() != null && (d.opensAt().getYear() < 2000 || d.opensAt().getYear() > 2100)) {
            errors.reject("opensAt", "开始时间不正确");
        }
        int limit = d.daily() ? 600 : value(d.timeLimitMinutes(), 0);
        if (limit < 1 || limit > 600) {
            errors.reject("timeLimitMinutes", "考试限时应为1至600分钟");
        }
        int attempts = d.daily() ? 1 : value(d.maxAttempts(), 1);
        if (attempts < 1 || attempts > 20) {
            errors.reject("maxAttempts", "答题次数应为1至20次");
        }
        List<ExamRule> rules = d.rules() == null ? List.of() : d.rules();
        if (rules.isEmpty()) {
            errors.reject("rules", "请至少设置一条抽题规则");
        } else if (rules.size() > MAX_RULES || d.daily() && rules.size() > 1) {
            errors.reject("rules", d.daily() ? "每日一练只设一条规则（题库和每天的题数）" : "抽题规则至多" + MAX_RULES + "条");
        }
        int max = 0;
        for (int i = 0; i < rules.size() && i < MAX_RULES; i++) {
            ExamRule r = rules.get(i);
            if (r == null) {
                errors.reject("rules[" + i + "]", "抽题规则不完整");
                continue;
            }
            boolean usable = banks.bank(r.bankId()).filter(b -> scope.managesMembersAt(b.orgPath())
                    || new TreePath(b.orgPath()).contains(orgPath)).isPresent();
            if (!usable) {
                errors.reject("rules[" + i + "].bankId", "题库不存在或不可用（可用本组织、上级组织或您管理范围内的题库）");
            }
            if (r.topic() != null && TextKind.SHORT.problem("知识点", r.topic()) != null) {
                errors.reject("rules[" + i + "].topic", TextKind.SHORT.problem("知识点", r.topic()));
            }
            if (r.count() < 1 || r.count() > 200) {
                errors.reject("rules[" + i + "].count", "题数应为1至200");
            }
            if (r.score() < 1 || r.score() > 100) {
                errors.reject("rules[" + i + "].score", "每题分值应为1至100");
            }
            max += Math.max(0, r.count()) * Math.max(0, r.score());
        }
        int passMark = value(d.passMark(), 0);
        if (passMark < 0 || passMark > max && errors.isEmpty()) {
            errors.reject("passMark", "及格分应在0至总分" + max + "之间");
        }
        errors.throwIfAny();
        return new ExamRecords.ExamRow(d.daily(), title, description, d.everyone() ? "EVERYONE" : "SUBTREE",
                d.opensAt().atZone(PlatformClock.ZONE).toInstant(), d.closesAt().atZone(PlatformClock.ZONE).toInstant(),
                limit, attempts, passMark, d.partialCredit(), d.reviewAfterLast());
    }

    private static int value(Integer v, int otherwise) {
        return v == null ? otherwise : v;
    }

    private static Map<String, Object> snapshot(Exam e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", e.title());
        s.put("status", e.status());
        s.put("daily", e.daily());
        s.put("opensAt", e.opensAt().toString());
        s.put("closesAt", e.closesAt().toString());
        s.put("timeLimitMinutes", e.timeLimitMinutes());
        s.put("maxAttempts", e.maxAttempts());
        s.put("passMark", e.passMark());
        return s;
    }
}
