package cn.zhibu.member;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transfer form in the browser: every field is checked before anything is asked, only a valid transfer is shown
 * for confirmation, and the transfer page says whom it waits for and the 党费 month entered.
 */
@IntegrationTest
class TransferFormIntegrationTest {

    private static final String PASSWORD = "Transfer@Form2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired TransferService transfers;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committeeA;
    Organization branchA;
    Organization committeeB;
    Organization branchB;
    Member member;
    BrowserSession secretary;

    @BeforeEach
    void world() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        committeeA = data.committee("表单转出党委" + suffix);
        branchA = data.org(committeeA.id(), "表单转出支部" + suffix, OrganizationType.BRANCH);
        committeeB = data.committee("表单转入党委" + suffix);
        branchB = data.org(committeeB.id(), "表单转入支部" + suffix, OrganizationType.BRANCH);
        member = data.member(branchA.id(), "表单党员", MemberStatus.FULL);
        accounts.create("tfsec" + suffix, PASSWORD, "表单书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        secretary = BrowserSession.loggedIn(port, "tfsec" + suffix, PASSWORD);
    }

    private long transfersOfMember() {
        return jdbc.sql("select count(*) from member_transfer where member_id = ?").param(member.id()).query(Long.class)
                .single();
    }

    private BrowserSession.Page follow(BrowserSession.Page redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        return secretary.get(redirect.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
    }

    @Test
    void an_empty_form_gets_a_message_per_field_and_no_question() {
        BrowserSession.Page back = follow(secretary.post("/members/" + member.id() + "/transfers",
                Map.of("duesPaidUntil", "2026年11月")));
        assertThat(back.body()).contains("请选择转入的党组织").contains("请填写转接原因").contains("党费交至请写作年月")
                .doesNotContain("确定发起组织关系转接吗");
        assertThat(back.body()).contains("aria-invalid=\"true\"");
        assertThat(transfersOfMember()).isZero();
    }

    @Test
    void a_valid_form_is_confirmed_first_keeps_its_input_when_revised_and_starts_only_when_confirmed() {
        String month = YearMonth.now().toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("toOrgId", Long.toString(branchB.id()));
        form.put("reason", "工作调动");
        form.put("duesPaidUntil", month);

        BrowserSession.Page question = secretary.post("/members/" + member.id() + "/transfers", form);
        assertThat(question.status()).isEqualTo(200);
        assertThat(question.body()).contains("确定发起组织关系转接吗").contains(branchB.name()).contains("工作调动")
                .contains(Transfer.monthLabel(month)).contains("name=\"confirmed\"");
        assertThat(transfersOfMember()).isZero();

        Map<String, String> revise = new LinkedHashMap<>(form);
        revise.put("revise", "true");
        BrowserSession.Page again = follow(secretary.post("/members/" + member.id() + "/transfers", revise));
        assertThat(again.body()).contains("value=\"工作调动\"").contains("value=\"" + month + "\"")
                .contains(branchB.name());
        assertThat(transfersOfMember()).isZero();

        Map<String, String> confirmed = new LinkedHashMap<>(form);
        confirmed.put("confirmed", "true");
        BrowserSession.Page started = follow(secretary.post("/members/" + member.id() + "/transfers", confirmed));
        assertThat(transfersOfMember()).isOne();
        assertThat(started.body()).contains("待 " + committeeA.name() + " 组织管理员 审批")
                .contains("党费交至").contains(Transfer.monthLabel(month));
    }

    @Test
    void the_outbound_form_is_checked_before_it_is_confirmed_too() {
        BrowserSession.Page back = follow(secretary.post("/members/" + member.id() + "/transfers/outbound",
                Map.of("reason", "工作调动")));
        assertThat(back.body()).contains("请填写转入的党组织全称").doesNotContain("确定开具");
        BrowserSession.Page question = secretary.post("/members/" + member.id() + "/transfers/outbound",
                Map.of("externalOrg", "外省某局机关党委", "reason", "工作调动"));
        assertThat(question.body()).contains("确定开具转往系统外党组织的介绍信吗").contains("外省某局机关党委");
        assertThat(transfersOfMember()).isZero();
    }

    @Test
    void the_transfer_waits_for_each_committee_then_the_receiving_secretary() {
        Transfer t = transfers.start(SYSTEM, member.id(), new TransferRequest(branchB.id(), "工作调动", "2026-03"));
        assertThat(transfers.waitingFor(t)).get().extracting(TransferWait::label)
                .isEqualTo("待 " + committeeA.name() + " 组织管理员 审批");
        t = transfers.approve(SYSTEM, t.id(), null);
        assertThat(transfers.waitingFor(t).orElseThrow().label()).isEqualTo("待 " + committeeB.name() + " 组织管理员 审批");
        t = transfers.approve(SYSTEM, t.id(), null);
        assertThat(transfers.waitingFor(t).orElseThrow().label()).isEqualTo("待 " + branchB.name() + " 书记 接收");
        assertThat(t.duesPaidUntilLabel()).isEqualTo("2026年3月");
        t = transfers.approve(SYSTEM, t.id(), null);
        assertThat(transfers.waitingFor(t)).isEmpty();
    }
}
