package cn.zhibu.learning.exam;

import cn.zhibu.learning.ExamPassed;
import cn.zhibu.learning.exam.internal.BankRecords;
import cn.zhibu.learning.exam.internal.ExamRecords;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.input.TextKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member takes exams and daily quizzes addressed to them. The paper is drawn at the start and the deadline stored
 * then (the start plus the time limit, never past the exam's close; a quiz's, the end of its day), both by the
 * server's {@link Clock}: an answer or a submission after the deadline is refused ({@link ExamTimeOver}) and the
 * attempt graded as submitted at the deadline with what was saved before; an attempt left running is graded so when
 * it is next read. The best graded attempt counts; {@link ExamPassed} is published at the first pass (a quiz: each
 * day it is answered). Answers and key are shown after the exam closes (or after the last attempt, when the exam says
 * so; a quiz's at once). Another member's attempt, or an exam not addressed to the caller, is 404.
 */
@Service
@Transactional(readOnly = true)
public class ExamTaking {

    private static final String NOT_FOUND = "考试不存在或不是面向您的考试";
    private static final String ATTEMPT_NOT_FOUND = "答题记录不存在";
    private static final int MY_EXAMS = 100;

    private final ExamRecords records;
    private final BankRecords banks;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Random random = new SecureRandom();

    ExamTaking(ExamRecords records, BankRecords banks, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.banks = banks;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The exams (or quizzes) addressed to the member, open or closed within the last 90 days. */
    @Transactional
    public List<MyExam> mine(DataScope scope, boolean daily) {
        long memberId = member(scope);
        Instant now = clock.instant();
        gradeExpired(memberId, null);
        List<MyExam> out = new ArrayList<>();
        for (Exam e : records.addressedTo(scope.selfOrgPath(), daily, now.minus(Duration.ofDays(90)), MY_EXAMS)) {
            out.add(standing(e, memberId, now));
        }
        return out;
    }

    /** Exams open now, addressed to the member and not yet passed, closing soonest first (the inbox's; reads only). */
    public List<MyExam> openNotPassed(DataScope scope, int limit) {
        if (scope.selfMemberId() == null || scope.selfOrgPath() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return records.addressedTo(scope.selfOrgPath(), false, now, limit).stream().filter(e -> e.openAt(now))
                .map(e -> standing(e, scope.selfMemberId(), now)).filter(m -> !m.passed()).toList();
    }

    /** One exam addressed to the member, with their standing. */
    @Transactional
    public MyExam exam(DataScope scope, long examId) {
        long memberId = member(scope);
        Exam e = addressed(scope, examId);
        gradeExpired(memberId, examId);
        return standing(e, memberId, clock.instant());
    }

    private MyExam standing(Exam e, long memberId, Instant now) {
        List<Attempt> attempts = records.attempts(e.id(), memberId);
        Attempt open = attempts.stream().filter(a -> a.openAt(now)).findFirst().orElse(null);
        List<Attempt> graded = attempts.stream().filter(Attempt::submitted).toList();
        Attempt best = graded.stream().max(Comparator.comparing(Attempt::score).thenComparing(Attempt::id,
                Comparator.reverseOrder())).orElse(null);
        boolean canStart = open == null && e.openAt(now) && (e.daily()
                ? attempts.stream().noneMatch(a -> today(now).equals(a.quizDay()))
                : attempts.size() < e.maxAttempts());
        Long review = best != null && reviewable(e, attempts, now) ? best.id() : null;
        if (e.daily()) {
            review = graded.stream().filter(a -> today(now).equals(a.quizDay())).map(Attempt::id).findFirst().orElse(null);
        }
        return new MyExam(e, e.statusLabel(now), graded.size(), best == null ? null : best.score(),
                graded.stream().anyMatch(Attempt::passed), open == null ? null : open.id(), canStart, review);
    }

    /** Starts an attempt (or returns the one running): draws the paper and stores the deadline. */
    @Transactional
    public AttemptView start(DataScope scope, long examId) {
        long memberId = member(scope);
        Exam exam = addressed(scope, examId);
        records.lock(examId);
        gradeExpired(memberId, examId);
        Instant now = clock.instant();
        List<Attempt> attempts = records.attempts(examId, memberId);
        for (Attempt a : attempts) {
            if (a.openAt(now)) {
                return view(exam, a, now);
            }
        }
        if (!exam.openAt(now)) {
            throw InvalidInputException.of("", now.isBefore(exam.opensAt()) ? "考试尚未开始" : "考试已经结束");
        }
        LocalDate day = exam.daily() ? today(now) : null;
        if (exam.daily() && attempts.stream().anyMatch(a -> day.equals(a.quizDay()))) {
            throw InvalidInputException.of("", "今天的每日一练已经完成，明天再来");
        }
        if (!exam.daily() && attempts.size() >= exam.maxAttempts()) {
            throw InvalidInputException.of("", "您已用完全部" + exam.maxAttempts() + "次答题机会");
        }
        List<ExamDraw.Drawn> paper;
        try {
            paper = ExamDraw.draw(exam.rules(), banks::candidates, random);
        } catch (IllegalStateException e) {
            throw InvalidInputException.of("", "题库中的题目不足，暂时无法开始，请联系组织考试的党组织（" + e.getMessage() + "）");
        }
        Instant deadline = exam.daily() ? day.plusDays(1).atStartOfDay(PlatformClock.ZONE).toInstant()
                : now.plus(Duration.ofMinutes(exam.timeLimitMinutes()));
        if (deadline.isAfter(exam.closesAt())) {
            deadline = exam.closesAt();
        }
        long id = records.insertAttempt(examId, memberId, scope.selfOrgPath().lastId(), day, now, deadline, paper);
        audit.record(scope, ExamAuditAction.ATTEMPT_STARTED, "exam_attempt", id, scope.selfOrgPath().value(), null,
                Map.of("examId", examId, "memberId", memberId));
        return view(exam, records.attempt(id).orElseThrow(), now);
    }

    /** The member's attempt, graded first when its time ran out. */
    @Transactional
    public AttemptView view(DataScope scope, long attemptId) {
        Attempt a = own(scope, attemptId);
        Exam exam = records.find(a.examId()).orElseThrow();
        Instant now = clock.instant();
        if (!a.submitted() && now.isAfter(a.deadline())) {
            a = grade(exam, records.attemptForUpdate(attemptId).orElseThrow(), a.deadline(), DataScope.system("考试计时"));
        }
        return view(exam, a, now);
    }

    /**
     * Saves one answer: {@code chosen} are the positions of the options as shown (choice questions), {@code text}
     * what was filled in. Refused after the deadline (the attempt is then graded as at the deadline).
     */
    @Transactional(noRollbackFor = ExamTimeOver.class)
    public AttemptView answer(DataScope scope, long attemptId, int position, List<Integer> chosen, String text) {
        Attempt a = ownForUpdate(scope, attemptId);
        Exam exam = records.find(a.examId()).orElseThrow();
        Instant now = clock.instant();
        refuseUnlessOpen(exam, a, now);
        ExamRecords.Item item = records.items(attemptId).stream().filter(i -> i.position() == position).findFirst()
                .orElseThrow(() -> InvalidInputException.of("position", "第" + (position + 1) + "题不在本次试卷中"));
        Question q = banks.question(item.questionId()).orElseThrow();
        records.saveAnswer(attemptId, position, stored(q, item, chosen, text), now);
        return view(exam, a, now);
    }

    /** Submits and grades the attempt. Refused after the deadline (the attempt is then graded as at the deadline). */
    @Transactional(noRollbackFor = ExamTimeOver.class)
    public AttemptView submit(DataScope scope, long attemptId) {
        Attempt a = ownForUpdate(scope, attemptId);
        Exam exam = records.find(a.examId()).orElseThrow();
        Instant now = clock.instant();
        refuseUnlessOpen(exam, a, now);
        Attempt graded = grade(exam, a, now, scope);
        return view(exam, graded, now);
    }

    /** The graded attempt with the key, once the exam allows it. */
    public AttemptReview review(DataScope scope, long attemptId) {
        Attempt a = own(scope, attemptId);
        Exam exam = records.find(a.examId()).orElseThrow();
        Instant now = clock.instant();
        if (!a.submitted()) {
            throw InvalidInputException.of("", "交卷后才能查看答案");
        }
        if (!exam.daily() && !reviewable(exam, records.attempts(exam.id(), a.memberId()), now)) {
            throw new ForbiddenException(exam.reviewAfterLast() ? "用完全部答题次数或考试结束后才能查看答案和解析"
                    : "考试结束（" + Attempts.time(exam.closesAt()) + "）后才能查看答案和解析");
        }
        Map<Long, Question> questions = questions(records.items(attemptId));
        List<AttemptReview.ExamReviewItem> items = new ArrayList<>();
        for (ExamRecords.Item i : records.items(attemptId)) {
            Question q = questions.get(i.questionId());
            List<Integer> correct = q.correct().stream().map(c -> shownAt(i.optionOrder(), c)).sorted().toList();
            items.add(new AttemptReview.ExamReviewItem(i.position(), q.kind(), q.kind().label(), q.stem(), shown(q, i),
                    chosen(q, i), text(q, i), correct, q.accepted(), q.explanation(), i.score(),
                    i.awarded() == null ? 0 : i.awarded()));
        }
        return new AttemptReview(a.id(), exam.id(), exam.title(), a.score(), a.maxScore(), a.passed(),
                exam.passMark(), items);
    }

    /** Grades the attempts whose time ran out (of a member, or of an exam) as submitted at their deadline. */
    @Transactional
    public void gradeExpired(Long memberId, Long examId) {
        for (long id : records.expired(memberId, examId, clock.instant())) {
            Attempt a = records.attemptForUpdate(id).orElseThrow();
            if (!a.submitted()) {
                grade(records.find(a.examId()).orElseThrow(), a, a.deadline(), DataScope.system("考试计时"));
            }
        }
    }

    private boolean reviewable(Exam exam, List<Attempt> attempts, Instant now) {
        if (exam.closedAt(now)) {
            return true;
        }
        return exam.reviewAfterLast() && attempts.size() >= exam.maxAttempts()
                && attempts.stream().allMatch(Attempt::submitted);
    }

    private void refuseUnlessOpen(Exam exam, Attempt a, Instant now) {
        if (a.submitted()) {
            throw InvalidInputException.of("", "本次答题已经交卷");
        }
        if (now.isAfter(a.deadline())) {
            grade(exam, a, a.deadline(), DataScope.system("考试计时"));
            throw new ExamTimeOver(a.deadline());
        }
    }

    private Attempt grade(Exam exam, Attempt a, Instant submittedAt, DataScope actor) {
        List<ExamRecords.Item> items = records.items(a.id());
        Map<Long, Question> questions = questions(items);
        int score = 0;
        for (ExamRecords.Item i : items) {
            int awarded = Grading.award(questions.get(i.questionId()), i.answer(), i.score(), exam.partialCredit());
            records.award(a.id(), i.position(), awarded);
            score += awarded;
        }
        boolean passed = score >= exam.passMark();
        boolean first = passed && !records.passedBefore(exam.id(), a.memberId(), a.id());
        records.graded(a.id(), submittedAt, score, passed);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("examId", exam.id());
        what.put("memberId", a.memberId());
        what.put("score", score);
        what.put("passed", passed);
        what.put("submittedAt", submittedAt.toString());
        audit.record(actor, ExamAuditAction.ATTEMPT_GRADED, "exam_attempt", a.id(), a.orgPath(), null, what);
        if (exam.daily() || first) {
            events.publishEvent(new ExamPassed(a.memberId(), exam.id(), a.id(), score, exam.daily(), submittedAt));
        }
        return records.attempt(a.id()).orElseThrow();
    }

    private AttemptView view(Exam exam, Attempt a, Instant now) {
        List<ExamRecords.Item> items = records.items(a.id());
        Map<Long, Question> questions = questions(items);
        List<AttemptView.ExamPaperItem> out = new ArrayList<>();
        for (ExamRecords.Item i : items) {
            Question q = questions.get(i.questionId());
            out.add(new AttemptView.ExamPaperItem(i.position(), q.kind(), q.kind().label(), q.stem(), shown(q, i), i.score(),
                    chosen(q, i), text(q, i)));
        }
        long left = a.submitted() ? 0 : Math.max(0, Duration.between(now, a.deadline()).toSeconds());
        return new AttemptView(a.id(), exam.id(), exam.title(), exam.daily(), a.deadline(), left, a.submitted(),
                a.score(), a.maxScore(), a.passed(), exam.passMark(), out);
    }

    /** The answer as stored: original option indexes (as text), or the text filled in. */
    private static List<String> stored(Question q, ExamRecords.Item item, List<Integer> chosen, String text) {
        if (!q.kind().choice()) {
            String t = TextKind.normalize(text);
            if (t == null || t.isEmpty()) {
                return List.of();
            }
            String problem = TextKind.SHORT.problem("答案", t);
            if (problem != null) {
                throw InvalidInputException.of("text", problem);
            }
            return List.of(t);
        }
        List<Integer> picks = chosen == null ? List.of() : chosen.stream().distinct().toList();
        if (picks.size() > 1 && q.kind() != QuestionKind.MULTIPLE) {
            throw InvalidInputException.of("chosen", q.kind().label() + "只能选一项");
        }
        List<String> stored = new ArrayList<>();
        for (Integer p : picks) {
            if (p == null || p < 0 || p >= item.optionOrder().length) {
                throw InvalidInputException.of("chosen", "所选的选项不存在");
            }
            stored.add(Integer.toString(item.optionOrder()[p]));
        }
        return stored;
    }

    private static List<String> shown(Question q, ExamRecords.Item i) {
        return java.util.Arrays.stream(i.optionOrder()).mapToObj(q.options()::get).toList();
    }

    private static List<Integer> chosen(Question q, ExamRecords.Item i) {
        if (!q.kind().choice() || i.answer() == null) {
            return List.of();
        }
        return i.answer().stream().map(s -> shownAt(i.optionOrder(), Integer.parseInt(s))).sorted().toList();
    }

    private static String text(Question q, ExamRecords.Item i) {
        return q.kind().choice() || i.answer() == null || i.answer().isEmpty() ? null : i.answer().get(0);
    }

    private static int shownAt(int[] order, int original) {
        for (int p = 0; p < order.length; p++) {
            if (order[p] == original) {
                return p;
            }
        }
        return -1;
    }

    private Map<Long, Question> questions(List<ExamRecords.Item> items) {
        return banks.questions(items.stream().map(ExamRecords.Item::questionId).distinct().toList()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
    }

    private static long member(DataScope scope) {
        if (scope.selfMemberId() == null || scope.selfOrgPath() == null) {
            throw new ForbiddenException("只有登记在册的党员可以参加考试");
        }
        return scope.selfMemberId();
    }

    private Exam addressed(DataScope scope, long examId) {
        TreePath self = scope.selfOrgPath();
        return records.find(examId).filter(e -> !Exam.DRAFT.equals(e.status()))
                .filter(e -> "EVERYONE".equals(e.audience()) || new TreePath(e.orgPath()).contains(self))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private Attempt own(DataScope scope, long attemptId) {
        return records.attempt(attemptId).filter(a -> scope.selfMemberId() != null
                && a.memberId() == scope.selfMemberId()).orElseThrow(() -> new NotFoundException(ATTEMPT_NOT_FOUND));
    }

    private Attempt ownForUpdate(DataScope scope, long attemptId) {
        own(scope, attemptId);
        return records.attemptForUpdate(attemptId).orElseThrow();
    }

    static LocalDate today(Instant now) {
        return now.atZone(PlatformClock.ZONE).toLocalDate();
    }

    /** Formatting shared by the messages. */
    static final class Attempts {
        private static final java.time.format.DateTimeFormatter FORMAT =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformClock.ZONE);

        private Attempts() {
        }

        static String time(Instant t) {
            return FORMAT.format(t);
        }
    }
}
