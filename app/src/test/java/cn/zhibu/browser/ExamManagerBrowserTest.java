package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.exam.BankSheet;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.TestData;
import cn.zhibu.support.XlsxFiles;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exams' manager pages on a 390 px phone: the branch secretary imports a bank from Excel (one bad row refuses the
 * file with a per-row report, then "只导入正确的行"), sets an exam with a draw rule and publishes it after the
 * confirmation; a member of the branch takes it on the phone and passes; the secretary sees the result. Every page
 * fits without sideways scrolling, tables are cards, and axe-core finds no serious or critical violation.
 */
class ExamManagerBrowserTest extends BrowserTestBase {

    private static final String TAKER = "exam-phone-member";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired Clock clock;

    Member taker;
    String suffix;

    @BeforeAll
    void member() {
        suffix = Long.toString(System.nanoTime() % 100_000);
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        taker = data.member(branch, "手机考生", MemberStatus.FULL);
        accounts.create(TAKER, DemoAccounts.PASSWORD, "手机考生", taker.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private static void fits(Page page, List<String> found) {
        found.addAll(PageChecks.phoneProblems(page));
    }

    /** Three single-choice questions on 党章 (the right option is 对的) and one whose answer is not an option. */
    private static byte[] sheet() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(BankSheet.COLUMNS);
        for (int i = 1; i <= 3; i++) {
            rows.add(List.of("单选题", "党章", "手机题" + i, "对的", "错的甲", "错的乙", "", "", "", "", "", "A", "", "1"));
        }
        rows.add(List.of("单选题", "党章", "坏题", "甲", "乙", "", "", "", "", "", "", "Z", "", "1"));
        return XlsxFiles.of(out -> {
            for (int r = 0; r < rows.size(); r++) {
                XlsxFiles.text(out, XlsxFiles.row(r + 1, rows.get(r)));
            }
        }, out -> { });
    }

    @Test
    void a_secretary_imports_a_bank_and_publishes_an_exam_a_member_passes_it_on_the_phone() {
        List<String> found = new ArrayList<>();
        Page secretary = phoneAs(DemoAccounts.SECRETARY);
        secretary.navigate("/learning");
        secretary.click("#link-banks");
        fits(secretary, found);
        secretary.click("#new-bank");
        fits(secretary, found);
        secretary.fill("#name", "手机题库" + suffix);
        secretary.click("#save-bank");
        assertThat(secretary.locator("#no-questions")).isVisible();
        fits(secretary, found);

        secretary.click("#import-bank");
        secretary.setInputFiles("#file", new FilePayload("试题.xlsx", "application/octet-stream", sheet()));
        secretary.click("#import-submit");
        assertThat(secretary.locator("#import-result")).containsText("未导入任何试题");
        assertThat(secretary.locator("#import-errors")).containsText("第5行");
        assertThat(secretary.locator("#import-errors")).containsText("答案");
        fits(secretary, found);
        secretary.click("#import-valid-rows");
        assertThat(secretary.locator("#import-result")).containsText("已导入3道题");
        secretary.click("#back-to-bank");
        assertThat(secretary.locator("#question-table")).containsText("手机题3");
        fits(secretary, found);
        long bankId = Long.parseLong(secretary.url().replaceAll(".*/learning/banks/(\\d+).*", "$1"));

        secretary.navigate("/learning/exams");
        fits(secretary, found);
        secretary.click("#new-exam");
        secretary.fill("#title", "手机考试" + suffix);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), PlatformClock.ZONE);
        secretary.fill("#opensAt", now.minusHours(1).format(LOCAL));
        secretary.fill("#closesAt", now.plusDays(3).format(LOCAL));
        secretary.fill("#passMark", "2");
        secretary.selectOption("#rule-0-bankId", Long.toString(bankId));
        secretary.click("#add-rule");
        assertThat(secretary.locator("#rule-1-bankId")).isVisible();
        secretary.click("#remove-rule-1");
        assertThat(secretary.locator("#rule-1")).hasCount(0);
        secretary.selectOption("#rule-0-kind", "SINGLE");
        secretary.fill("#rule-0-topic", "党章");
        secretary.fill("#rule-0-count", "3");
        secretary.fill("#rule-0-score", "1");
        fits(secretary, found);
        secretary.click("#save-exam");
        assertThat(secretary.locator("#exam-status")).hasText("草稿");
        fits(secretary, found);
        secretary.click("#publish-exam");
        assertThat(secretary.locator("#confirm-question")).containsText("确定发布");
        fits(secretary, found);
        secretary.click("#confirm");
        assertThat(secretary.locator("main")).containsText("已发布考试");
        assertThat(secretary.locator("#no-results")).isVisible();
        String examPage = secretary.url();

        Page member = phoneAs(TAKER);
        member.navigate("/learning/exams/mine");
        member.locator(".exam-item", new Page.LocatorOptions().setHasText("手机考试" + suffix)).click();
        member.click("#start");
        Locator questions = member.locator("fieldset.question");
        assertThat(questions).hasCount(3);
        for (int i = 0; i < 3; i++) {
            questions.nth(i).locator("label", new Locator.LocatorOptions().setHasText("对的")).click();
        }
        member.click("#submit");
        assertThat(member.locator("main")).containsText("考试及格");

        secretary.navigate(examPage);
        assertThat(secretary.locator("#results-table")).containsText("手机考生");
        assertThat(secretary.locator("#results-table")).containsText("及格");
        fits(secretary, found);
        assertThat(found).as(String.join("\n", found)).isEmpty();
    }
}
