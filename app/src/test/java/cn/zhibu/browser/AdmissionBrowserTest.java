package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A branch secretary takes one applicant through all 25 steps in the browser: the application, a refusal that cites
 * the regulation (D5) without losing what was typed, the votes with their minutes, admission into the registry and
 * 转正, and 归档.
 */
class AdmissionBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired cn.zhibu.admission.AdmissionService admission;

    private static final LocalDate APPLIED = LocalDate.now().minusYears(3);
    private static final LocalDate ACTIVIST = APPLIED.plusMonths(2);
    private static final LocalDate TARGET = ACTIVIST.plusYears(1).plusDays(10);
    private static final LocalDate MEETING = TARGET.plusMonths(3);

    /** Fills a step, sends it, sees it on the confirmation page as it will be saved, and confirms. */
    private void step(Page page, long caseId, String step, LocalDate on, Consumer<Page> fill) {
        page.navigate("/admission/cases/" + caseId + "?step=" + step);
        page.fill("#doneOn", on.toString());
        fill.accept(page);
        page.click("#record-step");
        assertThat(page.locator("#confirm-summary")).containsText(on.toString());
        page.click("#confirm");
        assertThat(page.locator(".alert-success")).containsText("已办理");
    }

    private void step(Page page, long caseId, String step, LocalDate on) {
        step(page, caseId, step, on, p -> p.fill("#actedBy", "王书记"));
    }

    private static void pickTwo(Page page) {
        Locator options = page.locator("#memberIds option");
        page.selectOption("#memberIds", new String[]{options.nth(0).getAttribute("value"),
                options.nth(1).getAttribute("value")});
    }

    private static void vote(Page page, int present, int yes) {
        page.fill("#present", Integer.toString(present));
        page.fill("#yes", Integer.toString(yes));
    }

    @Test
    void secretary_takes_an_applicant_from_application_to_archive() {
        long branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        // the 基层党委's decisions (预审, 审批, 转正审批) are made by its 组织管理员, not by the branch
        Page committee = newPage();
        BrowserSupport.login(committee, DemoAccounts.ORG_ADMIN, DemoAccounts.PASSWORD);

        page.navigate("/admission");
        page.click("#new-application");
        page.fill("#name", "钱程");
        page.fill("#idNumber", TestData.idNumber(LocalDate.of(1999, 9, 9), true));
        page.fill("#appliedOn", APPLIED.toString());
        page.selectOption("#education", "BACHELOR");
        page.selectOption("#occupation", "PROFESSIONAL");
        page.fill("#workUnit", "市发展改革委办公室");
        page.click("#submit-application");
        assertThat(page.locator("#case-stage")).hasText("入党申请人");
        long id = Long.parseLong(page.url().replaceAll(".*/admission/cases/(\\d+).*", "$1"));
        page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("入党申请书.pdf",
                "application/pdf", "%PDF-1.4 入党申请书".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.selectOption("#stepId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.click("#upload-document");
        assertThat(page.locator("#document-list")).containsText("入党申请书.pdf");
        assertThat(page.locator("#document-list")).containsText("递交入党申请书");

        // D3: the talkers are picked from the branch's committee and members; the secretary is offered first
        page.navigate("/admission/cases/" + id + "?step=FIRST_TALK");
        page.fill("#doneOn", APPLIED.plusDays(12).toString());
        page.locator("#talkers input[type=checkbox]").first().check();
        page.click("#record-step");
        // nothing is saved before the user confirms; 返回修改 brings the form back as typed
        assertThat(page.locator("#confirm-question")).containsText("确定办理钱程的“第2步 党组织派人谈话”吗");
        assertThat(page.locator("#confirm-summary")).containsText(DemoAccounts.SECRETARY_NAME);
        page.click("#revise");
        assertThat(page.locator("#doneOn")).hasValue(APPLIED.plusDays(12).toString());
        assertThat(page.locator("#talkers input[type=checkbox]").first()).isChecked();
        page.click("#record-step");
        page.click("#confirm");
        assertThat(page.locator(".alert-success")).containsText("已办理");
        assertThat(page.locator("#steps-done")).containsText("谈话人：" + DemoAccounts.SECRETARY_NAME);
        // a wrong date is corrected, with its reason; the original stays visible under the step
        page.locator("#steps-done li").nth(1).locator("a:has-text('更正')").click();
        page.fill("#amend-doneOn", APPLIED.plusDays(13).toString());
        page.fill("#amend-reason", "谈话日期录入错误");
        page.click("#save-amendment");
        assertThat(page.locator(".alert-success")).containsText("已更正第2步");
        assertThat(page.locator("#steps-done li").nth(1)).containsText("更正办理日期：" + APPLIED.plusDays(12) + " → "
                + APPLIED.plusDays(13));
        assertThat(page.locator("#steps-done li").nth(1)).containsText("理由：谈话日期录入错误");
        step(page, id, "ACTIVIST_CHOSEN", ACTIVIST, p -> p.selectOption("#method", "MEMBERS"));
        assertThat(page.locator("#case-stage")).hasText("入党积极分子");
        step(page, id, "ACTIVIST_FILED", ACTIVIST.plusDays(5));
        step(page, id, "CONTACTS_ASSIGNED", ACTIVIST.plusDays(5), AdmissionBrowserTest::pickTwo);
        step(page, id, "ACTIVIST_REVIEW", ACTIVIST.plusMonths(6));
        step(page, id, "ACTIVIST_REVIEW", ACTIVIST.plusMonths(12));

        // D5: a day short of a year is refused, citing the article, and the form keeps what was typed
        page.navigate("/admission/cases/" + id + "?step=TARGET_CHOSEN");
        page.fill("#doneOn", ACTIVIST.plusYears(1).minusDays(1).toString());
        page.fill("#note", "支委会讨论通过");
        page.click("#record-step");
        assertThat(page.locator("#step-form .alert-danger")).containsText("未满一年（《发展党员工作细则》第十三条）");
        assertThat(page.locator("#note")).hasValue("支委会讨论通过");
        page.fill("#doneOn", TARGET.toString());
        page.click("#record-step");
        page.click("#confirm");
        assertThat(page.locator("#case-stage")).hasText("发展对象");

        step(page, id, "TARGET_FILED", TARGET.plusDays(3));
        step(page, id, "SPONSORS", TARGET.plusDays(3), AdmissionBrowserTest::pickTwo);
        step(page, id, "POLITICAL_REVIEW", TARGET.plusDays(20));
        step(page, id, "TRAINING", TARGET.plusDays(30), p -> p.fill("#trainingDays", "3"));
        step(page, id, "COMMITTEE_REVIEW", TARGET.plusDays(40));
        page.navigate("/admission/cases/" + id);
        assertThat(page.locator("#awaiting-higher")).containsText("第13步 上级党委预审 待上级党委办理");
        step(committee, id, "PRE_REVIEW", TARGET.plusDays(50));
        step(page, id, "FORM_FILLED", TARGET.plusDays(55), p -> p.fill("#reference", "入党志愿书 No.0042"));
        // everyone on the roll of the meeting date (which the server reads from the registry, D9) attends
        int voters = admission.votingRoll(TestData.SYSTEM, id, MEETING).size();
        step(page, id, "ADMISSION_MEETING", MEETING, p -> vote(p, voters, voters));
        step(page, id, "HIGHER_TALK", MEETING.plusDays(10));
        step(committee, id, "APPROVAL", MEETING.plusMonths(1));
        page.navigate("/admission/cases/" + id);
        assertThat(page.locator("#case-stage")).hasText("预备党员");
        assertThat(page.locator("#probation-ends")).hasText(MEETING.plusYears(1).toString());
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots/admission-case.png")));
        page.click("text=党员名册中的记录");
        assertThat(page.locator("body")).containsText("预备党员");
        assertThat(page.locator("body")).containsText(MEETING.toString());

        step(page, id, "APPROVAL_FILED", MEETING.plusMonths(1).plusDays(7));
        step(page, id, "PLACED", MEETING.plusMonths(1).plusDays(7));
        step(page, id, "OATH", MEETING.plusMonths(2));
        step(page, id, "PROBATION_REVIEW", MEETING.plusMonths(7));
        step(page, id, "CONVERSION_REQUEST", MEETING.plusYears(1).minusDays(7));
        int votersLater = admission.votingRoll(TestData.SYSTEM, id, MEETING.plusYears(1).plusDays(3)).size();
        step(page, id, "CONVERSION_MEETING", MEETING.plusYears(1).plusDays(3), p -> {
            vote(p, votersLater, votersLater);
            p.selectOption("#decision", "CONVERT");
            p.fill("#groupOpinion", "党小组同意按期转正");
            p.fill("#publicOpinion", "征求党内外群众意见，无异议");
        });
        step(committee, id, "CONVERSION_APPROVAL", MEETING.plusYears(1).plusDays(30));
        page.navigate("/admission/cases/" + id);
        assertThat(page.locator("#case-stage")).hasText("已转正");
        step(page, id, "ARCHIVED", MEETING.plusYears(1).plusDays(40),
                p -> p.fill("#reference", "本人人事档案（市人社局）"));
        assertThat(page.locator("#no-steps")).isVisible();
        assertThat(page.locator("#steps-done li")).hasCount(26);

        page.locator("#steps-done a:has-text('会议记录')").last().click();
        assertThat(page.locator("#minutes")).containsText("讨论预备党员转正");
        assertThat(page.locator("#minutes")).containsText("决议通过");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admission-minutes.png")));

        page.navigate("/dashboard");
        assertThat(page.locator("#admission-figures")).containsText("入党积极分子 2");
        page.navigate("/todo");
        assertThat(page.locator("#admission-reminders")).containsText("郝志远");
        assertThat(page.locator("#admission-reminders")).containsText("需您办理");
        page.navigate("/admission?orgId=" + branch + "&stage=FULL");
        assertThat(page.locator("#pipeline-table")).containsText("钱程");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admission-pipeline.png")));
    }
}
