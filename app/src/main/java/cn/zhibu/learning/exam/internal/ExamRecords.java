package cn.zhibu.learning.exam.internal;

import cn.zhibu.learning.PassedExam;
import cn.zhibu.learning.exam.Attempt;
import cn.zhibu.learning.exam.Exam;
import cn.zhibu.learning.exam.ExamDraw;
import cn.zhibu.learning.exam.ExamResult;
import cn.zhibu.learning.exam.ExamRule;
import cn.zhibu.learning.exam.QuestionKind;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code exam}, {@code exam_rule}, {@code exam_attempt} and {@code exam_attempt_item} tables. */
@Repository
public class ExamRecords {

    private static final String EXAM = "select e.*, o.name as org_name from exam e join organization o on o.id = e.org_id";

    private final JdbcClient jdbc;

    ExamRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns an exam's draft sets. */
    public record ExamRow(boolean daily, String title, String description, String audience, Instant opensAt,
                          Instant closesAt, int timeLimitMinutes, int maxAttempts, int passMark, boolean partialCredit,
                          boolean reviewAfterLast) {
    }

    public long insert(long orgId, TreePath path, long rootId, ExamRow e, String by) {
        return jdbc.sql("""
                        insert into exam (org_id, org_path, root_id, daily, title, description, audience, opens_at,
                                          closes_at, time_limit_minutes, max_attempts, pass_mark, partial_credit,
                                          review_after_last, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, path.value(), rootId, e.daily(), e.title(), e.description(), e.audience(),
                        at(e.opensAt()), at(e.closesAt()), e.timeLimitMinutes(), e.maxAttempts(), e.passMark(),
                        e.partialCredit(), e.reviewAfterLast(), by)
                .query(Long.class).single();
    }

    public void update(long id, ExamRow e) {
        jdbc.sql("""
                        update exam set title = ?, description = ?, audience = ?, opens_at = ?, closes_at = ?,
                               time_limit_minutes = ?, max_attempts = ?, pass_mark = ?, partial_credit = ?,
                               review_after_last = ? where id = ?""")
                .params(e.title(), e.description(), e.audience(), at(e.opensAt()), at(e.closesAt()),
                        e.timeLimitMinutes(), e.maxAttempts(), e.passMark(), e.partialCredit(), e.reviewAfterLast(), id)
                .update();
    }

    public void replaceRules(long examId, List<ExamRule> rules) {
        jdbc.sql("delete from exam_rule where exam_id = ?").param(examId).update();
        for (int i = 0; i < rules.size(); i++) {
            ExamRule r = rules.get(i);
            jdbc.sql("insert into exam_rule (exam_id, position, bank_id, topic, kind, count, score) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(examId, i, r.bankId(), r.topic(), r.kind() == null ? null : r.kind().name(), r.count(),
                            r.score())
                    .update();
        }
    }

    public void setStatus(long id, String status) {
        jdbc.sql("update exam set status = ? where id = ?").params(status, id).update();
    }

    public Optional<Exam> find(long id) {
        return jdbc.sql(EXAM + " where e.id = ?").param(id).query((rs, i) -> exam(rs)).optional()
                .map(e -> withRules(List.of(e)).get(0));
    }

    /** The row locked: starts of one member queue behind each other (attempt limits, one quiz a day). */
    public void lock(long id) {
        jdbc.sql("select id from exam where id = ? for share").param(id).query(Long.class).optional();
    }

    /** Exams (or quizzes) of the subtrees the caller manages, the latest closing first. */
    public List<Exam> managed(DataScope scope, boolean daily, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("e.org_path", params);
        params.put("daily", daily);
        params.put("limit", limit);
        params.put("offset", offset);
        return withRules(jdbc.sql(EXAM + " where " + where + " and e.daily = :daily"
                        + " order by e.closes_at desc, e.id desc limit :limit offset :offset")
                .params(params).query((rs, i) -> exam(rs)).list());
    }

    public long countManaged(DataScope scope, boolean daily) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("e.org_path", params);
        params.put("daily", daily);
        return jdbc.sql("select count(*) from exam e where " + where + " and e.daily = :daily").params(params)
                .query(Long.class).single();
    }

    /**
     * Published exams addressed to a member of {@code memberPath}: to one of its ancestors (the path's prefixes, an
     * index lookup each) or to everyone; those not closed before {@code since}, closing soonest first.
     */
    public List<Exam> addressedTo(TreePath memberPath, boolean daily, Instant since, int limit) {
        List<String> prefixes = new ArrayList<>();
        List<Long> ids = memberPath.ids();
        TreePath p = null;
        for (long id : ids) {
            p = p == null ? TreePath.root(id) : p.child(id);
            prefixes.add(p.value());
        }
        return withRules(jdbc.sql(EXAM + " " + """
                         where e.status = 'PUBLISHED' and e.daily = :daily and e.closes_at > :since
                           and (e.org_path in (:prefixes) or e.audience = 'EVERYONE')
                         order by e.closes_at, e.id limit :limit""")
                .param("daily", daily).param("since", at(since)).param("prefixes", prefixes).param("limit", limit)
                .query((rs, i) -> exam(rs)).list());
    }

    private List<Exam> withRules(List<Exam> exams) {
        if (exams.isEmpty()) {
            return exams;
        }
        Map<Long, List<ExamRule>> rules = new HashMap<>();
        jdbc.sql("select * from exam_rule where exam_id in (:ids) order by exam_id, position")
                .param("ids", exams.stream().map(Exam::id).toList())
                .query((rs, i) -> rules.computeIfAbsent(rs.getLong("exam_id"), k -> new ArrayList<>())
                        .add(new ExamRule(rs.getLong("bank_id"), rs.getString("topic"),
                                rs.getString("kind") == null ? null : QuestionKind.valueOf(rs.getString("kind")),
                                rs.getInt("count"), rs.getInt("score"))))
                .list();
        return exams.stream().map(e -> new Exam(e.id(), e.orgId(), e.orgName(), e.orgPath(), e.daily(), e.title(),
                e.description(), e.audience(), e.status(), e.opensAt(), e.closesAt(), e.timeLimitMinutes(),
                e.maxAttempts(), e.passMark(), e.partialCredit(), e.reviewAfterLast(),
                rules.getOrDefault(e.id(), List.of()), e.createdBy())).toList();
    }

    // attempts

    /** An attempt names the member's organization at its start; its path (now) comes from the organization. */
    private static final String ATTEMPT = "select a.*, o.path as org_path from exam_attempt a"
            + " join organization o on o.id = a.org_id";

    public long insertAttempt(long examId, long memberId, long orgId, LocalDate quizDay,
                              Instant startedAt, Instant deadline, List<ExamDraw.Drawn> paper) {
        long id = jdbc.sql("""
                        insert into exam_attempt (exam_id, member_id, org_id, quiz_day, started_at, deadline,
                                                  max_score)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(examId, memberId, orgId, quizDay, at(startedAt), at(deadline),
                        paper.stream().mapToInt(ExamDraw.Drawn::score).sum())
                .query(Long.class).single();
        for (int i = 0; i < paper.size(); i++) {
            ExamDraw.Drawn d = paper.get(i);
            jdbc.sql("insert into exam_attempt_item (attempt_id, position, question_id, option_order, score) values (?, ?, ?, ?, ?)")
                    .params(id, i, d.questionId(), Arrays.stream(d.optionOrder()).boxed().toArray(Integer[]::new),
                            d.score())
                    .update();
        }
        return id;
    }

    public Optional<Attempt> attempt(long id) {
        return jdbc.sql(ATTEMPT + " where a.id = ?").param(id).query((rs, i) -> attempt(rs)).optional();
    }

    /** The attempt locked: its answers, submission and grading queue behind each other. */
    public Optional<Attempt> attemptForUpdate(long id) {
        return jdbc.sql(ATTEMPT + " where a.id = ? for update of a").param(id).query((rs, i) -> attempt(rs))
                .optional();
    }

    public List<Attempt> attempts(long examId, long memberId) {
        return jdbc.sql(ATTEMPT + " where a.exam_id = ? and a.member_id = ? order by a.started_at, a.id")
                .params(examId, memberId).query((rs, i) -> attempt(rs)).list();
    }

    public Optional<Attempt> quizAttempt(long examId, long memberId, LocalDate day) {
        return jdbc.sql(ATTEMPT + " where a.exam_id = ? and a.member_id = ? and a.quiz_day = ?")
                .params(examId, memberId, day).query((rs, i) -> attempt(rs)).optional();
    }

    /** Attempts whose deadline passed without a submission: of one member, or of one exam in a subtree. */
    public List<Long> expired(Long memberId, Long examId, Instant now) {
        return jdbc.sql("""
                        select id from exam_attempt where submitted_at is null and deadline < :now
                          and (cast(:member as bigint) is null or member_id = :member)
                          and (cast(:exam as bigint) is null or exam_id = :exam) order by id""")
                .param("now", at(now)).param("member", memberId).param("exam", examId).query(Long.class).list();
    }

    /** An item of an attempt. */
    public record Item(int position, long questionId, int[] optionOrder, int score, List<String> answer,
                       Integer awarded) {
    }

    public List<Item> items(long attemptId) {
        return jdbc.sql("select * from exam_attempt_item where attempt_id = ? order by position").param(attemptId)
                .query((rs, i) -> new Item(rs.getInt("position"), rs.getLong("question_id"),
                        Arrays.stream((Integer[]) rs.getArray("option_order").getArray()).mapToInt(Integer::intValue)
                                .toArray(),
                        rs.getInt("score"), rs.getArray("answer") == null ? null : BankRecords.strings(rs.getArray("answer")),
                        rs.getObject("awarded", Integer.class)))
                .list();
    }

    public void saveAnswer(long attemptId, int position, List<String> answer, Instant at) {
        jdbc.sql("update exam_attempt_item set answer = ?, answered_at = ? where attempt_id = ? and position = ?")
                .params(answer.toArray(String[]::new), at(at), attemptId, position).update();
    }

    public void award(long attemptId, int position, int awarded) {
        jdbc.sql("update exam_attempt_item set awarded = ? where attempt_id = ? and position = ?")
                .params(awarded, attemptId, position).update();
    }

    public void graded(long attemptId, Instant submittedAt, int score, boolean passed) {
        jdbc.sql("update exam_attempt set submitted_at = ?, score = ?, passed = ? where id = ?")
                .params(at(submittedAt), score, passed, attemptId).update();
    }

    /** Whether the member had passed the exam with another attempt (the first pass publishes ExamPassed). */
    public boolean passedBefore(long examId, long memberId, long attemptId) {
        return jdbc.sql("select exists (select 1 from exam_attempt where exam_id = ? and member_id = ? and passed and id <> ?)")
                .params(examId, memberId, attemptId).query(Boolean.class).single();
    }

    /**
     * Per member of the subtrees the caller manages (by the organization each attempt names: its path now, V52):
     * graded attempts, best score, first pass.
     */
    public List<ExamResult> results(long examId, DataScope scope, int limit) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("ao.path", params);
        params.put("exam", examId);
        params.put("limit", limit);
        return jdbc.sql("""
                        select a.member_id, m.name as member_name, o.name as org_name,
                               count(*) filter (where a.submitted_at is not null) as attempts, max(a.score) as best,
                               bool_or(a.passed) as passed, min(a.submitted_at) filter (where a.passed) as first_passed
                        from exam_attempt a join organization ao on ao.id = a.org_id
                        join member m on m.id = a.member_id join organization o on o.id = m.org_id
                        where a.exam_id = :exam and""" + " " + where + """
                        
                        group by a.member_id, m.name, o.name, o.path order by o.path, m.name limit :limit""")
                .params(params)
                .query((rs, i) -> new ExamResult(rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getString("org_name"), rs.getInt("attempts"), rs.getObject("best", Integer.class),
                        rs.getBoolean("passed"), instant(rs, "first_passed")))
                .list();
    }

    /** Exams (not quizzes) a member first passed in a year of China Standard Time. */
    public List<PassedExam> passed(long memberId, int year) {
        return jdbc.sql("""
                        select e.id, e.title, e.pass_mark, max(a.score) as best, min(a.submitted_at) as first_pass
                        from exam_attempt a join exam e on e.id = a.exam_id
                        where a.member_id = ? and a.passed and not e.daily
                        group by e.id, e.title, e.pass_mark order by first_pass""")
                .param(memberId)
                .query((rs, i) -> new PassedExam(rs.getLong("id"), rs.getString("title"), rs.getInt("best"),
                        rs.getInt("pass_mark"), instant(rs, "first_pass").atZone(PlatformClock.ZONE).toLocalDate()))
                .list().stream().filter(p -> p.passedOn().getYear() == year).toList();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "exam", oldPath, newPath, newRootId);
    }

    private static Exam exam(ResultSet rs) throws SQLException {
        return new Exam(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                rs.getBoolean("daily"), rs.getString("title"), rs.getString("description"), rs.getString("audience"),
                rs.getString("status"), instant(rs, "opens_at"), instant(rs, "closes_at"),
                rs.getInt("time_limit_minutes"), rs.getInt("max_attempts"), rs.getInt("pass_mark"),
                rs.getBoolean("partial_credit"), rs.getBoolean("review_after_last"), List.of(),
                rs.getString("created_by"));
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(rs.getLong("id"), rs.getLong("exam_id"), rs.getLong("member_id"), rs.getString("org_path"),
                rs.getObject("quiz_day", LocalDate.class), instant(rs, "started_at"), instant(rs, "deadline"),
                instant(rs, "submitted_at"), rs.getObject("score", Integer.class), rs.getInt("max_score"),
                rs.getBoolean("passed"));
    }

    private static OffsetDateTime at(Instant t) {
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
