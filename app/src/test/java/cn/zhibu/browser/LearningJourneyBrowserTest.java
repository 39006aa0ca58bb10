package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.QrCodes;
import cn.zhibu.support.TestClock;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's journey on a 390 px phone: a member opens a required course from the inbox, studies it (the page's own
 * timer beats; the server's clock, moved by the test, credits the time), takes the exam and passes; the secretary's
 * view and the higher committee's roll-up show the 学时; the transcript's QR code opens a check that says genuine.
 * Every page passes axe and the phone layout checks.
 */
class LearningJourneyBrowserTest extends BrowserTestBase {

    private static final String LEARNER = "learning-journey-member";
    private static final String NAME = "学习旅程党员";

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    long branch;
    long committee;
    Member learner;
    long course;
    long exam;
    String title;

    @BeforeAll
    void aRequiredCourseAndAnExamFromTheBranch() {
        branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        committee = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.ORG_ADMIN_COMMITTEE)
                .query(Long.class).single();
        learner = data.member(branch, NAME, MemberStatus.FULL);
        accounts.create(LEARNER, DemoAccounts.PASSWORD, NAME, learner.id(), List.of(new RoleGrant(Role.MEMBER, null)));

        ApiClient secretary = ApiClient.loggedIn(port, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        title = "党章学习（旅程）";
        ApiClient.Response c = secretary.post("/api/v1/learning/courses", Map.of("orgId", branch, "title", title,
                "kind", "ARTICLE", "bodyHtml", "<p>党章是党的根本大法。</p>", "hours", 0.1, "required", true,
                "dueOn", LocalDate.now(PlatformClock.ZONE).plusDays(7).toString(), "audience", "SUBTREE"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        course = c.json().get("id").asLong();
        assertThat(secretary.post("/api/v1/learning/courses/" + course + "/publish", Map.of()).status()).isEqualTo(200);

        ApiClient.Response bank = secretary.post("/api/v1/learning/banks", Map.of("orgId", branch, "name", "旅程题库"));
        assertThat(bank.status()).as(bank.body()).isEqualTo(201);
        long bankId = bank.json().get("id").asLong();
        ApiClient.Response q = secretary.post("/api/v1/learning/banks/" + bankId + "/questions", Map.of("kind", "FILL",
                "topic", "党章", "stem", "党的根本大法是什么？", "answer", "党章|中国共产党章程", "score", 10));
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        LocalDateTime now = LocalDateTime.now(PlatformClock.ZONE).withSecond(0).withNano(0);
        ApiClient.Response e = secretary.post("/api/v1/learning/exams", Map.of("orgId", branch, "title", "党章测试（旅程）",
                "opensAt", now.minusHours(1).toString(), "closesAt", now.plusDays(7).toString(),
                "timeLimitMinutes", 20, "maxAttempts", 2, "passMark", 10,
                "rules", List.of(Map.of("bankId", bankId, "count", 1, "score", 10))));
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        exam = e.json().get("id").asLong();
        assertThat(secretary.post("/api/v1/learning/exams/" + exam + "/publish", Map.of()).status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void fits(Page page, List<String> found) {
        found.addAll(PageChecks.phoneProblems(page));
    }

    private int credited() {
        return jdbc.sql("select coalesce(max(credited_seconds), 0) from course_progress where member_id = ? and course_id = ?")
                .params(learner.id(), course).query(Integer.class).single();
    }

    private BigDecimal branchHours(ApiClient orgAdmin) {
        ApiClient.Response r = orgAdmin.get("/api/v1/learning/rollup/" + committee);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (var child : r.json().get("children")) {
            if (child.get("orgId").asLong() == branch) {
                return child.get("hours").decimalValue();
            }
        }
        throw new AssertionError("the branch is not in its committee's roll-up: " + r.body());
    }

    private int beats() {
        return jdbc.sql("select coalesce(sum(beats), 0)::int from study_session where member_id = ?")
                .param(learner.id()).query(Integer.class).single();
    }

    private void waitForBeats(int n) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (beats() < n && System.nanoTime() < until) {
            sleep();
        }
        assertThat(beats()).isGreaterThanOrEqualTo(n);
    }

    /** Waits (real time) until the server has credited {@code seconds} of the course. */
    private void waitForCredit(int seconds) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (credited() < seconds && System.nanoTime() < until) {
            sleep();
        }
        assertThat(credited()).isEqualTo(seconds);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void T1_a_member_studies_a_required_course_from_the_inbox_passes_the_exam_and_the_transcript_checks_genuine() {
        List<String> found = new ArrayList<>();
        ApiClient orgAdmin = ApiClient.loggedIn(port, DemoAccounts.ORG_ADMIN, DemoAccounts.PASSWORD);
        BigDecimal before = branchHours(orgAdmin);

        Page member = phoneAs(LEARNER);
        member.navigate("/");
        fits(member, found);
        assertThat(member.locator("main")).containsText("必修课《" + title + "》待完成");
        member.locator("main a[href='/learning/courses/" + course + "']").first().click();
        member.waitForURL("**/learning/courses/" + course);
        assertThat(member.locator("#study-status")).containsText("共需 6分0秒");
        fits(member, found);

        // The page's timer credits the shown time when the page leaves the foreground; the test moves the server's
        // clock a minute (the cap of one beat) before each, so six such minutes complete the 0.1 学时 (360 s).
        for (int minute = 1; minute <= 6; minute++) {
            clock.advance(Duration.ofSeconds(61));
            int beats = beats();
            member.evaluate("() => { Object.defineProperty(document, 'visibilityState', "
                    + "{ value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
            waitForCredit(Math.min(360, minute * 60));
            waitForBeats(beats + 1);
            member.evaluate("() => { Object.defineProperty(document, 'visibilityState', "
                    + "{ value: 'visible', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
            waitForBeats(beats + 2); // back in the foreground: the clock must not move on before the server saw it
        }
        assertThat(member.locator("#study-status")).containsText("已完成本课程的学习");
        member.navigate("/learning/hours");
        fits(member, found);
        assertThat(member.locator("#hours-by-source")).containsText("网上课程");
        assertThat(member.locator("#hours-total")).containsText("0.1");

        member.navigate("/learning/exams/mine/" + exam);
        member.click("#start");
        member.waitForSelector("#paper");
        fits(member, found);
        member.locator("#paper input.form-control").first().fill("中国共产党章程");
        member.click("#submit");
        member.waitForURL("**/learning/exams/mine/" + exam);
        assertThat(member.locator("main")).containsText("得分 10/10，考试及格");
        assertThat(member.locator("#my-score")).containsText("已及格");

        member.navigate("/learning/hours");
        String href = member.locator("#transcript-link").getAttribute("href");
        APIResponse pdf = member.request().get(href);
        assertThat(pdf.status()).isEqualTo(200);
        String check = QrCodes.fromPdf(pdf.body());
        Page anyone = newPhonePage();
        anyone.navigate(check);
        fits(anyone, found);
        assertThat(anyone.locator("#transcript-verdict")).hasAttribute("data-verdict", "GENUINE");
        assertThat(anyone.locator("#transcript-lines")).containsText(title);
        assertThat(anyone.locator("#transcript-lines")).containsText("党章测试（旅程）");

        Page secretary = phoneAs(DemoAccounts.SECRETARY);
        secretary.navigate("/learning/branch/" + branch);
        fits(secretary, found);
        assertThat(secretary.locator("#behind-list")).containsText(NAME);

        // the roll-up folds once a second
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (branchHours(orgAdmin).subtract(before).compareTo(new BigDecimal("0.1")) < 0 && System.nanoTime() < until) {
            sleep();
        }
        assertThat(branchHours(orgAdmin).subtract(before)).isEqualByComparingTo("0.1");
        Page committeeAdmin = phoneAs(DemoAccounts.ORG_ADMIN);
        committeeAdmin.navigate("/learning/rollup/" + committee);
        fits(committeeAdmin, found);
        assertThat(committeeAdmin.locator("#rollup-orgs")).containsText(DemoAccounts.SECRETARY_BRANCH);
        assertThat(found).as(String.join("\n", found)).isEmpty();
    }
}
