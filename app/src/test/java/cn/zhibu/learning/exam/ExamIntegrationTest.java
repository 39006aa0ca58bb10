package cn.zhibu.learning.exam;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.PassedExams;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestClock;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exams on the real database: the deadline kept by the server's clock (an answer a second before it saved, a second
 * after it refused and the attempt graded at the deadline with what was saved), attempts limit, best score, review
 * only after close, the first pass in PassedExams, the import's per-row report, and scope through the API.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamIntegrationTest {

    private static final String PASSWORD = "Scope@Exams2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired QuestionBanks banks;
    @Autowired Exams exams;
    @Autowired ExamTaking taking;
    @Autowired PassedExams passedExams;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    Organization committee;
    Organization branchA;
    Organization branchB;
    Member a1;
    Member a2;
    Member a3;
    Member b1;
    DataScope secA;
    QuestionBank bank;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("考试甲党委" + suffix);
        branchA = data.org(committee.id(), "考试甲支部", OrganizationType.BRANCH);
        Organization committeeB = data.committee("考试乙党委" + suffix);
        branchB = data.org(committeeB.id(), "考试乙支部", OrganizationType.BRANCH);
        a1 = data.member(branchA.id(), "甲支部党员一", MemberStatus.FULL);
        a2 = data.member(branchA.id(), "甲支部党员二", MemberStatus.FULL);
        a3 = data.member(branchA.id(), "甲支部党员三", MemberStatus.PROBATIONARY);
        b1 = data.member(branchB.id(), "乙支部党员", MemberStatus.FULL);
        secA = new DataScope(1, "甲支部书记", false, List.of(), List.of(branchA.path()), null, null, false);
        bank = banks.create(SYSTEM, committee.id(), "党章党规题库", null);
        for (int i = 0; i < 4; i++) {
            banks.add(SYSTEM, bank.id(), new QuestionDraft(QuestionKind.SINGLE, "党章", "单选" + i,
                    List.of("对的", "错的甲", "错的乙"), "A", "解析" + i, 1));
        }
        for (int i = 0; i < 2; i++) {
            banks.add(SYSTEM, bank.id(), new QuestionDraft(QuestionKind.FILL, "党史", "填空" + i, null, "1921|一九二一",
                    null, 1));
        }
        accounts.create("esecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("esecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("eselfA" + suffix, PASSWORD, "甲支部党员一", a1.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("eselfB" + suffix, PASSWORD, "乙支部党员", b1.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static DataScope self(Member m) {
        return new DataScope(1000 + m.id(), m.name(), false, List.of(), List.of(), m.id(), new TreePath(m.orgPath()),
                false);
    }

    private Exam exam(String title, int attempts, boolean reviewAfterLast, Duration closesIn) {
        LocalDateTime now = LocalDateTime.now(clock);
        Exam e = exams.create(secA, new ExamDraft(branchA.id(), false, title + suffix, null, false, now.minusHours(1),
                now.plus(closesIn), 10, attempts, 4, false, reviewAfterLast,
                List.of(new ExamRule(bank.id(), "党章", QuestionKind.SINGLE, 3, 1),
                        new ExamRule(bank.id(), "党史", QuestionKind.FILL, 2, 1))));
        return exams.publish(secA, e.id());
    }

    /** Answers every question right (the key read from the bank, as the test knows it). */
    private void answerAll(DataScope member, AttemptView view, boolean right) {
        for (AttemptView.ExamPaperItem item : view.items()) {
            if (item.kind() == QuestionKind.FILL) {
                taking.answer(member, view.attemptId(), item.position(), null, right ? "１９２１ " : "1922");
            } else {
                int shownRight = item.options().indexOf("对的");
                taking.answer(member, view.attemptId(), item.position(),
                        List.of(right ? shownRight : (shownRight + 1) % 3), null);
            }
        }
    }

    @Test
    void the_paper_follows_the_rules_and_holds_no_answer_key() {
        Exam e = exam("抽题", 1, false, Duration.ofDays(1));
        AttemptView view = taking.start(self(a2), e.id());
        assertThat(view.items()).hasSize(5);
        assertThat(view.items().subList(0, 3)).allSatisfy(i -> assertThat(i.kind()).isEqualTo(QuestionKind.SINGLE));
        assertThat(view.items().subList(3, 5)).allSatisfy(i -> assertThat(i.kind()).isEqualTo(QuestionKind.FILL));
        assertThat(view.items().stream().map(AttemptView.ExamPaperItem::stem).distinct()).hasSize(5);
        assertThat(view.secondsLeft()).isBetween(599L, 600L);
        assertThat(taking.start(self(a2), e.id()).attemptId()).as("resumes the running attempt").isEqualTo(view.attemptId());
    }

    @Test
    void exam_timing_an_answer_a_second_before_the_deadline_counts_and_one_a_second_after_is_refused() {
        Exam e = exam("计时", 1, false, Duration.ofDays(1));
        DataScope member = self(a1);
        AttemptView view = taking.start(member, e.id());
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        answerAll(member, view, true);
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> taking.answer(member, view.attemptId(), 0, List.of(0), null))
                .isInstanceOf(ExamTimeOver.class).hasMessageContaining("截止");
        assertThatThrownBy(() -> taking.submit(member, view.attemptId())).isInstanceOf(InvalidInputException.class);
        AttemptView graded = taking.view(member, view.attemptId());
        assertThat(graded.submitted()).isTrue();
        assertThat(graded.score()).as("what was saved before the deadline counts").isEqualTo(5);
        assertThat(graded.passed()).isTrue();
        assertThat(passedExams.passed(a1.id(), java.time.LocalDate.now(clock).getYear()))
                .anySatisfy(p -> assertThat(p.examId()).isEqualTo(e.id()));
    }

    @Test
    void an_attempt_left_running_is_graded_as_submitted_at_its_deadline() {
        Exam e = exam("超时", 1, false, Duration.ofDays(1));
        DataScope member = self(a3);
        AttemptView view = taking.start(member, e.id());
        taking.answer(member, view.attemptId(), 3, null, "1921");
        clock.advance(Duration.ofMinutes(30));
        MyExam mine = taking.exam(member, e.id());
        assertThat(mine.attemptsUsed()).isEqualTo(1);
        assertThat(mine.bestScore()).isEqualTo(1);
        assertThat(mine.canStart()).isFalse();
        assertThat(exams.results(secA, e.id())).singleElement().satisfies(r -> {
            assertThat(r.memberId()).isEqualTo(a3.id());
            assertThat(r.passed()).isFalse();
        });
    }

    @Test
    void attempts_are_limited_the_best_counts_and_review_waits_for_the_close() {
        Exam e = exam("次数", 2, false, Duration.ofHours(2));
        DataScope member = self(a2);
        AttemptView first = taking.start(member, e.id());
        answerAll(member, first, true);
        taking.submit(member, first.attemptId());
        AttemptView second = taking.start(member, e.id());
        answerAll(member, second, false);
        assertThat(taking.submit(member, second.attemptId()).score()).isZero();
        assertThatThrownBy(() -> taking.start(member, e.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("用完");
        MyExam mine = taking.exam(member, e.id());
        assertThat(mine.bestScore()).isEqualTo(5);
        assertThat(mine.passed()).isTrue();
        assertThat(mine.reviewAttemptId()).isNull();
        assertThatThrownBy(() -> taking.review(member, first.attemptId())).isInstanceOf(ForbiddenException.class);

        clock.advance(Duration.ofHours(3));
        AttemptReview review = taking.review(member, first.attemptId());
        assertThat(review.score()).isEqualTo(5);
        assertThat(review.items()).allSatisfy(i -> {
            if (i.kind() == QuestionKind.SINGLE) {
                assertThat(i.options().get(i.correct().get(0))).isEqualTo("对的");
                assertThat(i.chosen()).isEqualTo(i.correct());
            }
        });
        assertThat(taking.exam(member, e.id()).reviewAttemptId()).isEqualTo(first.attemptId());
    }

    @Test
    void review_after_the_last_attempt_when_the_exam_says_so() {
        Exam e = exam("复习", 1, true, Duration.ofDays(1));
        DataScope member = self(a1);
        AttemptView view = taking.start(member, e.id());
        assertThatThrownBy(() -> taking.review(member, view.attemptId())).isInstanceOf(InvalidInputException.class);
        taking.submit(member, view.attemptId());
        assertThat(taking.review(member, view.attemptId()).items()).hasSize(5);
    }

    @Test
    void another_member_cannot_start_read_answer_or_review() {
        Exam e = exam("他人", 1, false, Duration.ofDays(1));
        AttemptView view = taking.start(self(a1), e.id());
        DataScope other = self(a2);
        DataScope outsider = self(b1);
        assertThatThrownBy(() -> taking.start(outsider, e.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> taking.view(other, view.attemptId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> taking.answer(other, view.attemptId(), 0, List.of(0), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> taking.review(outsider, view.attemptId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_daily_quiz_is_answered_once_a_day() {
        LocalDateTime now = LocalDateTime.now(clock);
        Exam quiz = exams.publish(secA, exams.create(secA, new ExamDraft(branchA.id(), true, "每日一练" + suffix, null,
                false, now.minusHours(1), now.plusDays(30), null, null, 0, false, false,
                List.of(new ExamRule(bank.id(), null, null, 3, 1)))).id());
        DataScope member = self(a2);
        AttemptView view = taking.start(member, quiz.id());
        assertThat(view.items()).hasSize(3);
        taking.submit(member, view.attemptId());
        assertThatThrownBy(() -> taking.start(member, quiz.id())).hasMessageContaining("今天");
        assertThat(taking.review(member, view.attemptId()).items()).hasSize(3);
        assertThat(taking.mine(member, true)).anySatisfy(m -> assertThat(m.exam().id()).isEqualTo(quiz.id()));
    }

    // import

    private static byte[] sheet(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("试题");
        List<List<String>> all = new ArrayList<>();
        all.add(BankSheet.COLUMNS);
        all.addAll(rows);
        for (int r = 0; r < all.size(); r++) {
            for (int c = 0; c < all.get(r).size(); c++) {
                ws.inlineString(r, c, all.get(r).get(c));
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private static List<String> row(String kind, String topic, String stem, List<String> options, String answer) {
        List<String> r = new ArrayList<>(List.of(kind, topic, stem));
        for (int i = 0; i < 8; i++) {
            r.add(i < options.size() ? options.get(i) : "");
        }
        r.addAll(List.of(answer, "", ""));
        return r;
    }

    @Test
    void the_import_reports_each_bad_row_and_imports_nothing_unless_the_good_rows_only_are_asked_for() throws IOException {
        QuestionBank target = banks.create(secA, branchA.id(), "导入题库", null);
        byte[] file = sheet(List.of(
                row("单选题", "党章", "好题", List.of("甲", "乙"), "B"),
                row("问答题", "党章", "题型不对", List.of(), "x"),
                row("判断题", "党章", "缺答案", List.of(), ""),
                row("单选题", "党章", "答案不在选项中", List.of("甲", "乙"), "C"),
                row("填空题", "长".repeat(60), "知识点太长", List.of(), "1921")));
        BankImportReport report = banks.importSheet(secA, target.id(), new java.io.ByteArrayInputStream(file), false);
        assertThat(report.imported()).isZero();
        assertThat(report.errors()).extracting(BankImportReport.QuestionRowError::row, BankImportReport.QuestionRowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "题型"), org.assertj.core.groups.Tuple.tuple(4, "答案"),
                        org.assertj.core.groups.Tuple.tuple(5, "答案"), org.assertj.core.groups.Tuple.tuple(6, "知识点"));
        assertThat(report.errors().get(2).message()).contains("不在选项中");
        assertThat(banks.get(secA, target.id()).questionCount()).isZero();

        BankImportReport good = banks.importSheet(secA, target.id(), new java.io.ByteArrayInputStream(file), true);
        assertThat(good.imported()).isEqualTo(1);
        assertThat(banks.questions(secA, target.id(), 0, 10)).singleElement()
                .satisfies(q -> assertThat(q.correct()).containsExactly(1));
    }

    // scope through the API

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void another_branch_secretary_and_member_get_404_on_every_endpoint_and_nothing_changes() {
        Exam e = exam("范围", 1, false, Duration.ofDays(1));
        AttemptView attempt = taking.start(self(a1), e.id());
        QuestionBank own = banks.create(secA, branchA.id(), "甲支部题库", null);
        ApiClient secB = api("esecB");
        for (String path : List.of("/api/v1/learning/banks/" + own.id(), "/api/v1/learning/banks/" + own.id() + "/questions",
                "/api/v1/learning/banks/" + own.id() + "/export.xlsx", "/api/v1/learning/exams/" + e.id(),
                "/api/v1/learning/exams/" + e.id() + "/results", "/api/v1/learning/exams/" + e.id() + "/results.xlsx")) {
            ApiClient.Response r = secB.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("甲支部");
        }
        Map<String, Object> question = Map.of("kind", "SINGLE", "topic", "党章", "stem", "越权", "options", List.of("甲", "乙"),
                "answer", "A");
        List<ApiClient.Response> writes = List.of(
                secB.post("/api/v1/learning/banks/" + own.id() + "/questions", question),
                secB.delete("/api/v1/learning/banks/" + bank.id() + "/questions/1"),
                secB.post("/api/v1/learning/banks", Map.of("orgId", branchA.id(), "name", "越权")),
                secB.post("/api/v1/learning/exams/" + e.id() + "/withdraw", Map.of()),
                secB.postFile("/api/v1/learning/banks/" + own.id() + "/import", "q.xlsx", new byte[]{1, 2}));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isIn(403, 404);
        }
        assertThat(secB.get("/api/v1/learning/exams").body()).doesNotContain("范围" + suffix);
        assertThat(secB.get("/api/v1/learning/banks").body()).doesNotContain("甲支部题库");

        ApiClient memberB = api("eselfB");
        for (ApiClient.Response r : List.of(memberB.get("/api/v1/learning/exams/mine/" + e.id()),
                memberB.post("/api/v1/learning/exams/mine/" + e.id() + "/attempts", Map.of()),
                memberB.get("/api/v1/learning/exams/attempts/" + attempt.attemptId()),
                memberB.post("/api/v1/learning/exams/attempts/" + attempt.attemptId() + "/answers",
                        Map.of("position", 0, "chosen", List.of(0))),
                memberB.post("/api/v1/learning/exams/attempts/" + attempt.attemptId() + "/submit", Map.of()),
                memberB.get("/api/v1/learning/exams/attempts/" + attempt.attemptId() + "/review"),
                memberB.get("/api/v1/learning/exams/" + e.id()))) {
            assertThat(r.status()).as(r.body()).isIn(403, 404);
        }
        assertThat(memberB.get("/api/v1/learning/exams/mine").body()).doesNotContain("范围" + suffix);
        assertThat(exams.get(secA, e.id()).status()).isEqualTo(Exam.PUBLISHED);
        assertThat(banks.get(secA, own.id()).questionCount()).isZero();
        assertThat(taking.view(self(a1), attempt.attemptId()).submitted()).isFalse();
    }

    @Test
    void the_pages_show_a_member_their_exam_and_refuse_another_branchs_member() {
        Exam e = exam("页面", 1, false, Duration.ofDays(1));
        cn.zhibu.support.BrowserSession memberA = cn.zhibu.support.BrowserSession.loggedIn(port, "eselfA" + suffix, PASSWORD);
        assertThat(memberA.get("/learning/exams/mine").body()).contains("页面" + suffix);
        assertThat(memberA.get("/learning/exams/mine/" + e.id()).body()).contains("开始答题");
        cn.zhibu.support.BrowserSession.Page started = memberA.post("/learning/exams/mine/" + e.id() + "/start", Map.of());
        assertThat(started.status()).isIn(200, 302, 303);
        long attemptId = taking.exam(self(a1), e.id()).openAttemptId();
        cn.zhibu.support.BrowserSession.Page paper = memberA.get("/learning/exams/attempts/" + attemptId);
        assertThat(paper.status()).isEqualTo(200);
        assertThat(paper.body()).contains("countdown").doesNotContain("1921");

        cn.zhibu.support.BrowserSession memberB = cn.zhibu.support.BrowserSession.loggedIn(port, "eselfB" + suffix, PASSWORD);
        for (String path : List.of("/learning/exams/mine/" + e.id(), "/learning/exams/attempts/" + attemptId,
                "/learning/exams/attempts/" + attemptId + "/review")) {
            assertThat(memberB.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(memberB.post("/learning/exams/mine/" + e.id() + "/start", Map.of()).status()).isEqualTo(404);
        assertThat(memberB.post("/learning/exams/attempts/" + attemptId, Map.of("submit", "1")).status()).isEqualTo(404);
        assertThat(memberB.get("/learning/exams/mine").body()).doesNotContain("页面" + suffix);
        assertThat(taking.view(self(a1), attemptId).submitted()).isFalse();
    }

    @Test
    void the_member_takes_an_exam_through_the_api_and_never_sees_the_key() {
        Exam e = exam("接口", 1, false, Duration.ofDays(1));
        ApiClient member = api("eselfA");
        assertThat(member.get("/api/v1/learning/exams/mine").body()).contains("接口" + suffix);
        ApiClient.Response started = member.post("/api/v1/learning/exams/mine/" + e.id() + "/attempts", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.body()).doesNotContain("correct").doesNotContain("accepted").doesNotContain("1921")
                .doesNotContain("解析");
        long attemptId = started.json().get("attemptId").asLong();
        ApiClient.Response hostile = member.post("/api/v1/learning/exams/attempts/" + attemptId + "/answers",
                new HashMap<>(Map.of("position", 0, "chosen", List.of(99))));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.errors()).containsKey("chosen");
        assertThat(member.postJson("/api/v1/learning/exams/attempts/" + attemptId + "/answers", "{\"position\": \"x\"}")
                .status()).isEqualTo(400);
        ApiClient.Response submitted = member.post("/api/v1/learning/exams/attempts/" + attemptId + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(member.get("/api/v1/learning/exams/attempts/" + attemptId + "/review").status()).isEqualTo(403);
        ApiClient.Response late = member.post("/api/v1/learning/exams/attempts/" + attemptId + "/answers",
                Map.of("position", 0, "chosen", List.of(0)));
        assertThat(late.status()).isEqualTo(400);
    }

    @Test
    void the_managers_pages_serve_the_branch_secretary_with_errors_beside_the_fields() {
        QuestionBank own = banks.create(secA, branchA.id(), "甲支部页面题库" + suffix, null);
        banks.add(secA, own.id(), new QuestionDraft(QuestionKind.SINGLE, "党章", "页面题干" + suffix, List.of("甲", "乙"),
                "A", null, 1));
        Exam e = exam("管理页面", 1, false, Duration.ofDays(1));
        cn.zhibu.support.BrowserSession manager = cn.zhibu.support.BrowserSession.loggedIn(port, "esecA" + suffix, PASSWORD);
        assertThat(manager.get("/learning/banks").body()).contains("甲支部页面题库" + suffix);
        assertThat(manager.get("/learning/banks/" + own.id() + "?kind=SINGLE&topic=党章").body()).contains("页面题干" + suffix);
        assertThat(manager.get("/learning/banks/" + own.id() + "?kind=FILL").body()).contains("没有符合条件的试题");
        assertThat(manager.get("/learning/exams").body()).contains("管理页面" + suffix);
        assertThat(manager.get("/learning/exams/" + e.id()).body()).contains("抽题规则").contains("撤回");
        for (String path : List.of("/learning/quiz", "/learning/exams/new", "/learning/quiz/new", "/learning/banks/new",
                "/learning/banks/" + own.id() + "/import", "/learning/banks/" + own.id() + "/questions/new",
                "/learning/banks/template.xlsx", "/learning/exams/" + e.id() + "/results.xlsx")) {
            assertThat(manager.get(path).status()).as(path).isEqualTo(200);
        }

        cn.zhibu.support.BrowserSession.Page bad = manager.post("/learning/banks/" + own.id() + "/questions",
                Map.of("kind", "SINGLE", "topic", "党章", "stem", "错题", "options", "甲\n乙", "answer", "Z"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"answer-error\"").contains("不在选项中").contains("aria-invalid=\"true\"");

        Map<String, String> exam = new HashMap<>(Map.of("orgId", Long.toString(branchA.id()), "title", "页面新考试",
                "opensAt", LocalDateTime.now(clock).withNano(0).toString(),
                "closesAt", LocalDateTime.now(clock).withNano(0).plusDays(1).toString(), "timeLimitMinutes", "10",
                "maxAttempts", "1", "passMark", "99", "rules[0].bankId", Long.toString(own.id()),
                "rules[0].count", "1", "rules[0].score", "1"));
        Map<String, String> forged = new HashMap<>(exam);
        forged.put("passMark", "abc");
        forged.put("rules[0].kind", "NONE");
        cn.zhibu.support.BrowserSession.Page hostile = manager.post("/learning/exams", forged);
        assertThat(hostile.status()).isEqualTo(200);
        assertThat(hostile.body()).contains("id=\"passMark-error\"").contains("id=\"rule-0-kind-error\"");
        forged.put("rules[5000].count", "1");
        assertThat(manager.post("/learning/exams", forged).status()).isEqualTo(400);
        exam.put("addRule", "1");
        assertThat(manager.post("/learning/exams", exam).body()).contains("id=\"rule-1-bankId\"");
        exam.remove("addRule");
        cn.zhibu.support.BrowserSession.Page refused = manager.post("/learning/exams", exam);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"passMark-error\"").contains("及格分应在0至总分1之间");
        exam.put("passMark", "1");
        exam.put("rules[0].count", "5");
        cn.zhibu.support.BrowserSession.Page saved = manager.post("/learning/exams", exam);
        assertThat(saved.status()).isEqualTo(302);
        String detail = saved.location().replaceFirst("^https?://[^/]+", "");
        assertThat(manager.get(detail).body()).contains("已保存草稿");
        assertThat(manager.post(detail + "/publish", Map.of()).body()).contains("id=\"confirm\"");
        assertThat(manager.post(detail + "/publish", Map.of("confirmed", "true")).status()).isEqualTo(302);
        assertThat(manager.get(detail).body()).contains("需要5道题，题库中只有1道").contains("草稿");
    }

    @Test
    void another_branch_secretary_gets_404_on_every_managers_page_and_nothing_changes() {
        QuestionBank own = banks.create(secA, branchA.id(), "甲支部范围题库" + suffix, null);
        Question q = banks.add(secA, own.id(), new QuestionDraft(QuestionKind.SINGLE, "党章", "范围题干", List.of("甲", "乙"),
                "A", null, 1));
        Exam e = exam("页面范围", 1, false, Duration.ofDays(1));
        Exam draft = exams.create(secA, new ExamDraft(branchA.id(), false, "页面草稿" + suffix, null, false,
                LocalDateTime.now(clock), LocalDateTime.now(clock).plusDays(1), 10, 1, 0, false, false,
                List.of(new ExamRule(own.id(), null, null, 1, 1))));
        cn.zhibu.support.BrowserSession secB = cn.zhibu.support.BrowserSession.loggedIn(port, "esecB" + suffix, PASSWORD);
        String bank = "/learning/banks/" + own.id();
        for (String path : List.of(bank, bank + "/edit", bank + "/questions/new", bank + "/questions/" + q.id() + "/edit",
                bank + "/import", bank + "/export.xlsx", "/learning/exams/" + e.id(), "/learning/exams/" + e.id() + "/edit",
                "/learning/exams/" + e.id() + "/results.xlsx", "/learning/exams/" + draft.id())) {
            cn.zhibu.support.BrowserSession.Page r = secB.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("甲支部").doesNotContain("范围题干");
        }
        Map<String, String> confirmed = Map.of("confirmed", "true");
        for (Map.Entry<String, Map<String, String>> w : List.of(
                Map.entry(bank, Map.of("name", "越权改名")),
                Map.entry(bank + "/questions", Map.of("kind", "TRUE_FALSE", "topic", "党章", "stem", "越权", "answer", "正确")),
                Map.entry(bank + "/questions/" + q.id(), Map.of("kind", "TRUE_FALSE", "topic", "党章", "stem", "越权", "answer", "正确")),
                Map.entry(bank + "/questions/" + q.id() + "/retire", confirmed),
                Map.entry(bank + "/import", Map.of("onlyValidRows", "true")),
                Map.entry("/learning/exams/" + draft.id(), Map.of("title", "越权")),
                Map.entry("/learning/exams/" + draft.id() + "/publish", confirmed),
                Map.entry("/learning/exams/" + e.id() + "/withdraw", confirmed))) {
            assertThat(secB.post(w.getKey(), w.getValue()).status()).as(w.getKey()).isEqualTo(404);
        }
        assertThat(secB.get("/learning/banks").body()).doesNotContain("甲支部范围题库");
        assertThat(secB.get("/learning/exams").body()).doesNotContain("页面范围" + suffix).doesNotContain("页面草稿");
        assertThat(banks.get(secA, own.id()).name()).isEqualTo("甲支部范围题库" + suffix);
        assertThat(banks.question(secA, own.id(), q.id()).stem()).isEqualTo("范围题干");
        assertThat(exams.get(secA, e.id()).status()).isEqualTo(Exam.PUBLISHED);
        assertThat(exams.get(secA, draft.id()).status()).isEqualTo(Exam.DRAFT);
        assertThat(exams.get(secA, draft.id()).title()).isEqualTo("页面草稿" + suffix);
    }
}
