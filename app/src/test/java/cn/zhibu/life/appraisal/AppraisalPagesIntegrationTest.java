package cn.zhibu.life.appraisal;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appraisal's pages as a branch runs it: open, write the 个人自评, stage buttons refused out of P1's order with the
 * rule shown, and grades checked against P2 before the confirmation page, which completes the appraisal.
 */
@IntegrationTest
class AppraisalPagesIntegrationTest {

    private static final String PASSWORD = "Pages@Appraisal2026";

    @Autowired AppraisalFixtures fixtures;
    @Autowired AppraisalService appraisals;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    @Test
    void a_secretary_runs_the_appraisal_through_the_pages_and_a_member_writes_the_self_assessment() {
        AppraisalFixtures.Branch b = fixtures.branch("页面评议", 4, 1);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        accounts.create("pgsec" + suffix, PASSWORD, "页面书记", null, List.of(new RoleGrant(Role.SECRETARY, b.org().id())));
        Member m = b.full().get(0);
        accounts.create("pgself" + suffix, PASSWORD, m.name(), m.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        BrowserSession secretary = BrowserSession.loggedIn(port, "pgsec" + suffix, PASSWORD);
        BrowserSession member = BrowserSession.loggedIn(port, "pgself" + suffix, PASSWORD);

        BrowserSession.Page noYear = secretary.post("/life/appraisals", Map.of("orgId", Long.toString(b.org().id())));
        assertThat(noYear.body()).contains("请选择评议年度");
        BrowserSession.Page opened = secretary.post("/life/appraisals", Map.of("orgId", Long.toString(b.org().id()),
                "year", Integer.toString(LocalDate.now().getYear())));
        assertThat(opened.status()).isEqualTo(302);
        long id = Long.parseLong(opened.location().replaceAll(".*/life/appraisals/(\\d+).*", "$1"));
        assertThat(secretary.get("/life/appraisals/" + id).body()).contains("已发起", "结束个人自评");

        assertThat(member.post("/life/appraisals/" + id + "/self", Map.of("text", " ")).body()).contains("请填写个人自评");
        assertThat(member.post("/life/appraisals/" + id + "/self", Map.of("text", "认真履行党员义务。")).status()).isEqualTo(302);
        assertThat(member.get("/life/appraisals/" + id).body()).contains("已保存个人自评", "修改个人自评");

        // out of order: refused, with the rule
        secretary.post("/life/appraisals/" + id + "/stages/BALLOT/open", Map.of());
        assertThat(secretary.get("/life/appraisals/" + id).body()).contains("stage-error", "P1");
        for (AppraisalStage s : List.of(AppraisalStage.SELF_ASSESSMENT, AppraisalStage.PEER_REVIEW)) {
            assertThat(secretary.post("/life/appraisals/" + id + "/stages/" + s + "/close", Map.of()).status()).isEqualTo(302);
            secretary.post("/life/appraisals/" + id + "/stages/" + s.next() + "/open", Map.of());
        }
        Map<String, String> ballot = new HashMap<>();
        b.full().forEach(f -> ballot.put("g-" + f.id(), "QUALIFIED"));
        ballot.put("confirmed", "true");
        assertThat(member.post("/life/appraisals/" + id + "/ballot", ballot).status()).isEqualTo(302);
        secretary.post("/life/appraisals/" + id + "/stages/BALLOT/close", Map.of());
        secretary.post("/life/appraisals/" + id + "/stages/GRADING/open", Map.of());
        assertThat(appraisals.get(SYSTEM, id).openStage()).contains(AppraisalStage.GRADING);
        assertThat(secretary.get("/life/appraisals/" + id).body()).contains("totals-table", "record-grades");

        // P2 with four rated: two 优秀 are refused before anything is confirmed
        Map<String, String> grades = new HashMap<>();
        grades.put("proposedBy", "GENERAL_ASSEMBLY");
        grades.put("heldOn", LocalDate.now().toString());
        for (int i = 0; i < b.full().size(); i++) {
            grades.put("g-" + b.full().get(i).id(), i < 2 ? "EXCELLENT" : "QUALIFIED");
        }
        grades.put("g-" + b.full().get(3).id(), "UNQUALIFIED");
        BrowserSession.Page tooMany = secretary.post("/life/appraisals/" + id + "/grades", grades);
        assertThat(tooMany.body()).contains("grades-form", "P2").doesNotContain("confirm-question");
        grades.put("g-" + b.full().get(1).id(), "QUALIFIED");
        BrowserSession.Page confirm = secretary.post("/life/appraisals/" + id + "/grades", grades);
        assertThat(confirm.body()).contains("确定记录以下评定等次吗", "组织处置");
        grades.put("confirmed", "true");
        assertThat(secretary.post("/life/appraisals/" + id + "/grades", grades).status()).isEqualTo(302);
        String done = secretary.get("/life/appraisals/" + id).body();
        assertThat(done).contains("已完成", "优秀至多 1 名", "unqualified-note", "教育帮助");
        assertThat(member.get("/life/appraisals/" + id).body()).contains("评定等次", "优秀");
    }
}
