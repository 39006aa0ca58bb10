package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.views.LearningViewsFixture;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning views on a 390 px phone: a member's landing (a required course overdue, 学时 against the target, the
 * parts' links), the secretary's list of members behind with a reminder sent from it, and the committee's roll-up
 * fit without sideways scrolling, with cards for tables, and axe-core finds no serious or critical violation.
 */
class LearningViewsBrowserTest extends BrowserTestBase {

    private static final String LEARNER = "learning-phone-member";

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired OrganizationService organizations;
    @Autowired LearningViewsFixture fixture;

    long branch;
    long committee;
    Member learner;

    @BeforeAll
    void learning() {
        branch = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.SECRETARY_BRANCH)
                .query(Long.class).single();
        committee = jdbc.sql("select id from organization where name = ?").param(DemoAccounts.ORG_ADMIN_COMMITTEE)
                .query(Long.class).single();
        Organization c = organizations.describe(committee);
        learner = data.member(branch, "手机学习", MemberStatus.FULL);
        accounts.create(LEARNER, DemoAccounts.PASSWORD, "手机学习", learner.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        LocalDate today = LocalDate.now();
        long course = fixture.course(c, "手机必修课：学习党章", true, today.minusDays(2), false);
        fixture.progress(learner, course, 2400);
        fixture.year(learner, today.getYear(), "4.50", "32.0", false);
    }

    private static void fits(Page page, List<String> found) {
        found.addAll(PageChecks.phoneProblems(page));
    }

    @Test
    void the_learning_views_fit_a_phone_and_the_secretary_reminds_from_the_list() {
        List<String> found = new ArrayList<>();
        Page member = phoneAs(LEARNER);
        member.navigate("/learning");
        fits(member, found);
        assertThat(member.locator("#my-due")).containsText("手机必修课：学习党章");
        assertThat(member.locator("#my-due")).containsText("已逾期");
        assertThat(member.locator("#my-hours")).containsText("4.5");
        assertThat(member.locator("#link-courses")).isVisible();
        assertThat(member.locator("#nav-learning")).hasAttribute("href", "/learning");

        Page secretary = phoneAs(DemoAccounts.SECRETARY);
        for (String path : List.of("/learning", "/learning/branch/" + branch)) {
            secretary.navigate(path);
            fits(secretary, found);
        }
        assertThat(secretary.locator("#behind-list")).containsText("手机学习");
        secretary.click("#remind-" + learner.id());
        assertThat(secretary.locator("main")).containsText("已提醒1名党员");

        Page committeeAdmin = phoneAs(DemoAccounts.ORG_ADMIN);
        committeeAdmin.navigate("/learning/rollup/" + committee);
        fits(committeeAdmin, found);
        assertThat(committeeAdmin.locator("#rollup-orgs")).containsText(DemoAccounts.SECRETARY_BRANCH);
        assertThat(found).as(String.join("\n", found)).isEmpty();

        member.navigate("/learning");
        assertThat(member.locator("#my-reminders")).containsText("请尽快完成必修课《手机必修课：学习党章》");
    }
}
