package cn.zhibu.admission;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Education;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.admission.AdmissionStep.*;
import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 发展党员 in the browser: a step is checked, then shown for confirmation, and saved only when confirmed; a wrong
 * step is corrected on its own page; the case page offers only what the applicable rule set asks for.
 */
@IntegrationTest
class AdmissionPageIntegrationTest {

    private static final String PASSWORD = "Page@Test2026";
    private static final LocalDate APPLIED = LocalDate.now().minusMonths(6);

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired StepAmendments amendments;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    Organization branch;
    Organization otherBranch;
    Member secretary;
    AdmissionCase c;
    BrowserSession own;
    BrowserSession other;

    @BeforeEach
    void world() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        branch = data.org(data.committee("页面测试党委" + suffix).id(), "页面测试支部" + suffix, OrganizationType.BRANCH);
        otherBranch = data.org(data.committee("页面他方党委" + suffix).id(), "页面他方支部" + suffix, OrganizationType.BRANCH);
        secretary = data.member(branch.id(), "页面书记", MemberStatus.FULL);
        data.member(branch.id(), "页面党员", MemberStatus.FULL);
        c = admission.apply(SYSTEM, new ApplicationForm(branch.id(), "页面申请人",
                TestData.idNumber(LocalDate.of(1999, 1, 1), true), "汉族", Education.BACHELOR, Occupation.PROFESSIONAL,
                null, null, APPLIED));
        accounts.create("pgsec" + suffix, PASSWORD, "页面书记", null, List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        accounts.create("pgoth" + suffix, PASSWORD, "他方书记", null,
                List.of(new RoleGrant(Role.SECRETARY, otherBranch.id())));
        own = BrowserSession.loggedIn(port, "pgsec" + suffix, PASSWORD);
        other = BrowserSession.loggedIn(port, "pgoth" + suffix, PASSWORD);
    }

    private Map<String, String> talk(LocalDate on) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("step", "FIRST_TALK");
        form.put("doneOn", on.toString());
        form.put("talkerIds", Long.toString(secretary.id()));
        return form;
    }

    private int steps() {
        return admission.get(SYSTEM, c.id()).steps().size();
    }

    private static String path(BrowserSession.Page redirect) {
        return redirect.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
    }

    @Test
    void a_step_is_checked_first_then_confirmed_and_only_then_saved() {
        String steps = "/admission/cases/" + c.id() + "/steps";
        // refused before anything is asked: no talker
        Map<String, String> noTalker = talk(APPLIED.plusDays(40));
        noTalker.remove("talkerIds");
        BrowserSession.Page refused = own.post(steps, noTalker);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(own.get(path(refused)).body()).contains("请选择谈话人").doesNotContain("确定办理");
        // valid: shown with its warning (D3: later than a month) before it is saved
        BrowserSession.Page question = own.post(steps, talk(APPLIED.plusDays(40)));
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.body()).contains("确定办理页面申请人的“第2步 党组织派人谈话”吗").contains("页面书记")
                .contains("谈话晚于收到申请书后一个月").contains("name=\"confirmed\"");
        assertThat(steps()).isEqualTo(1);
        // 返回修改 keeps what was typed
        Map<String, String> revise = talk(APPLIED.plusDays(40));
        revise.put("revise", "true");
        BrowserSession.Page back = own.post(steps, revise);
        assertThat(own.get(path(back)).body()).contains("value=\"" + APPLIED.plusDays(40) + "\"")
                .containsPattern("value=\"" + secretary.id() + "\"[^>]*checked");
        assertThat(steps()).isEqualTo(1);
        Map<String, String> confirmed = talk(APPLIED.plusDays(20));
        confirmed.put("confirmed", "true");
        BrowserSession.Page saved = own.post(steps, confirmed);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(steps()).isEqualTo(2);
        assertThat(own.get(path(saved)).body()).contains("已办理第2步").contains("谈话人：页面书记");
    }

    @Test
    void another_branch_gets_no_confirmation_no_correction_form_and_changes_nothing() {
        admission.record(SYSTEM, c.id(), StepForm.simple(FIRST_TALK, APPLIED.plusDays(10), "页面书记", null));
        long talkId = admission.get(SYSTEM, c.id()).steps().get(1).id();
        assertThat(other.post("/admission/cases/" + c.id() + "/steps", talk(APPLIED.plusDays(20))).status())
                .isIn(403, 404);
        BrowserSession.Page form = other.get("/admission/cases/" + c.id() + "/steps/" + talkId + "/amend");
        assertThat(form.status()).isIn(403, 404);
        assertThat(form.body()).doesNotContain("页面申请人");
        assertThat(other.post("/admission/cases/" + c.id() + "/steps/" + talkId + "/amendments",
                Map.of("doneOn", APPLIED.plusDays(11).toString(), "reason", "越权")).status()).isIn(403, 404);
        assertThat(amendments.of(SYSTEM, c.id())).isEmpty();
    }

    @Test
    void a_wrong_step_is_corrected_on_its_page_and_the_case_page_shows_the_original_and_the_reason() {
        admission.record(SYSTEM, c.id(), StepForm.simple(FIRST_TALK, APPLIED.plusDays(10), "页面书记", null));
        long talkId = admission.get(SYSTEM, c.id()).steps().get(1).id();
        BrowserSession.Page form = own.get("/admission/cases/" + c.id() + "/steps/" + talkId + "/amend");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("更正：第2步 党组织派人谈话").contains("value=\"" + APPLIED.plusDays(10) + "\"");
        // no reason: back to the form, as typed
        BrowserSession.Page noReason = own.post("/admission/cases/" + c.id() + "/steps/" + talkId + "/amendments",
                Map.of("doneOn", APPLIED.plusDays(12).toString(), "actedBy", "页面书记", "talkersShown", "true"));
        assertThat(own.get(path(noReason)).body()).contains("请填写更正理由").contains("value=\"" + APPLIED.plusDays(12) + "\"");
        BrowserSession.Page done = own.post("/admission/cases/" + c.id() + "/steps/" + talkId + "/amendments",
                Map.of("doneOn", APPLIED.plusDays(12).toString(), "actedBy", "页面书记", "talkersShown", "true",
                        "reason", "谈话日期录入错误"));
        assertThat(done.status()).isEqualTo(302);
        String page = own.get(path(done)).body();
        assertThat(page).contains("已更正").contains("更正办理日期：" + APPLIED.plusDays(10) + " → " + APPLIED.plusDays(12))
                .contains("理由：谈话日期录入错误");
    }

    @Test
    void under_the_2014_rules_the_case_page_of_an_activist_offers_no_2026_publicity() {
        admission.record(SYSTEM, c.id(), StepForm.simple(FIRST_TALK, APPLIED.plusDays(10), "页面书记", null));
        admission.record(SYSTEM, c.id(), new StepForm(ACTIVIST_CHOSEN, APPLIED.plusMonths(1), null, null, null,
                RecommendationMethod.MEMBERS, DecidingBody.COMMITTEE, null, null, null, null, null, null, null, null,
                null, null, null));
        assertThat(admission.get(SYSTEM, c.id()).stage()).isEqualTo(AdmissionStage.ACTIVIST);
        String page = own.get("/admission/cases/" + c.id()).body();
        assertThat(page).contains("今日适用：《发展党员工作细则》（2014年）")
                .doesNotContain("start-publicity").doesNotContain("向本支部党员发起公示");
    }
}
