package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 组织关系转接 between two branches under different 基层党委: the sending secretary starts it, each committee
 * approves, the receiving secretary accepts — four users in their own browsers.
 */
class TransferBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired MemberService members;

    private long orgId(String name) {
        return jdbc.sql("select id from organization where name = ?").param(name).query(Long.class).single();
    }

    private Page as(String user) {
        Page page = newPage();
        page.onDialog(dialog -> dialog.accept());
        BrowserSupport.login(page, user, DemoAccounts.PASSWORD);
        return page;
    }

    @Test
    void a_member_is_transferred_between_two_branches_and_counted_by_the_receiving_one_only_at_acceptance() {
        long from = orgId(DemoAccounts.SECRETARY_BRANCH);
        long to = orgId(DemoAccounts.OTHER_SECRETARY_BRANCH);
        Member m = data.member(from, "转接演示", MemberStatus.FULL);

        Page sender = as(DemoAccounts.SECRETARY);
        sender.navigate("/members/" + m.id());
        sender.locator("#target-q").pressSequentially("基础教育处");
        assertThat(sender.locator("#toOrgId option[value='" + to + "']")).hasCount(1);
        sender.selectOption("#toOrgId", Long.toString(to));
        // required fields are checked before anything is asked: the reason is missing
        sender.click("#start-transfer");
        assertThat(sender.locator("#transfer-reason-error")).containsText("请填写转接原因");
        assertThat(sender.locator("#toOrgId")).hasValue(Long.toString(to));
        sender.fill("#transfer-reason", "工作调动");
        sender.fill("#duesPaidUntil", "2026-10");
        sender.click("#start-transfer");
        assertThat(sender.locator("#confirm-question")).containsText("确定发起组织关系转接吗");
        sender.click("#confirm");
        assertThat(sender.locator("#transfer-status")).hasText("办理中");
        assertThat(sender.locator("#transfer-awaiting")).containsText("转出方党委审批");
        assertThat(sender.locator("#transfer-waits-for")).hasText("待 " + DemoAccounts.ORG_ADMIN_COMMITTEE + " 组织管理员 审批");
        assertThat(sender.locator("#transfer-dues")).hasText("2026年10月");
        String transferUrl = sender.url();

        Page sendingCommittee = as(DemoAccounts.ORG_ADMIN);
        sendingCommittee.navigate(transferUrl);
        sendingCommittee.click("#approve");
        assertThat(sendingCommittee.locator("#transfer-awaiting")).containsText("转入方党委审批");

        // the receiving side's 党委 has its own demo account: no 系统管理员 needed
        assertThat(sendingCommittee.locator("#transfer-waits-for")).hasText("待 " + DemoAccounts.OTHER_COMMITTEE + " 组织管理员 审批");
        Page receivingCommittee = as(DemoAccounts.OTHER_ORG_ADMIN);
        receivingCommittee.navigate(transferUrl);
        receivingCommittee.fill("#approve-note", "同意接收");
        receivingCommittee.click("#approve");
        assertThat(receivingCommittee.locator("#transfer-awaiting")).containsText("转入组织接收");

        Page receiver = as(DemoAccounts.OTHER_SECRETARY);
        receiver.navigate("/transfers");
        receiver.locator("#transfer-table a.transfer-link").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(sender.locator("#letter-no").textContent()))
                .click();
        // Until accepted, the member is still the sending branch's.
        org.assertj.core.api.Assertions.assertThat(members.get(TestData.SYSTEM, m.id()).orgId()).isEqualTo(from);
        receiver.click("#approve");
        assertThat(receiver.locator("#transfer-status")).hasText("已转入");
        assertThat(receiver.locator(".alert-success")).containsText("已转入");
        receiver.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/transfer-accepted.png")));
        receiver.navigate("/members/" + m.id());
        assertThat(receiver.locator("#member-name")).hasText("转接演示");

        sender.navigate("/members/" + m.id());
        assertThat(sender.locator("body")).containsText("不存在或不在您的管理范围内");
    }

    @Test
    void a_member_arrives_with_a_paper_letter_and_later_leaves_for_an_organization_off_the_platform() {
        long branch = orgId(DemoAccounts.SECRETARY_BRANCH);
        Page secretary = as(DemoAccounts.SECRETARY);
        secretary.navigate("/members/new?orgId=" + branch);
        secretary.fill("#name", "外来党员");
        secretary.fill("#idNumber", TestData.idNumber(java.time.LocalDate.of(1991, 3, 3), false));
        secretary.selectOption("#education", "BACHELOR");
        secretary.selectOption("#occupation", "CIVIL_SERVANT");
        secretary.fill("#joinedOn", "2015-07-01");
        secretary.fill("#convertedOn", "2016-07-01");
        secretary.fill("#fromOrg", "外省某县某镇党委");
        secretary.fill("#letterNo", "外组字2026第7号");
        secretary.click("#save");
        assertThat(secretary.locator("#member-name")).hasText("外来党员");
        String memberUrl = secretary.url();

        secretary.fill("#externalOrg", "外省某市某局机关党委");
        secretary.fill("#outbound-reason", "工作调动");
        secretary.click("#start-outbound");
        secretary.click("#confirm");
        assertThat(secretary.locator("#transfer-kind")).containsText("转出系统外");
        assertThat(secretary.locator("#transfer-awaiting")).containsText("转出方党委审批");
        String transferUrl = secretary.url();

        Page committee = as(DemoAccounts.ORG_ADMIN);
        committee.navigate(transferUrl);
        committee.click("#approve");
        assertThat(committee.locator("#transfer-awaiting")).containsText("收到回执");

        secretary.navigate(transferUrl);
        secretary.click("#approve");
        assertThat(secretary.locator("#transfer-status")).hasText("已转出");
        secretary.navigate(memberUrl);
        assertThat(secretary.locator("body")).containsText("不存在或不在您的管理范围内");
    }
}
