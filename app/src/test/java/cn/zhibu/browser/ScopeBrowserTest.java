package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A branch user typing another branch's member or organization id into the address bar sees nothing of it. */
class ScopeBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;

    @Test
    void a_branch_secretary_cannot_reach_another_branchs_member_by_url() {
        long otherMember = jdbc.sql("select m.id from member m join organization o on o.id = m.org_id"
                        + " where m.name = ? and o.name = ?")
                .params(DemoAccounts.OTHER_SECRETARY_NAME, DemoAccounts.OTHER_SECRETARY_BRANCH)
                .query(Long.class).single();
        long otherBranch = jdbc.sql("select id from organization where name = ?")
                .param(DemoAccounts.OTHER_SECRETARY_BRANCH).query(Long.class).single();

        Page page = newPage();
        BrowserSupport.login(page, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        for (String url : new String[]{"/members/" + otherMember, "/members/" + otherMember + "/edit",
                "/orgs/" + otherBranch, "/?org=" + otherBranch}) {
            Response response = page.navigate(url);
            assertThat(response.status()).as(url).isEqualTo(404);
            assertThat(page.locator("#problem-message")).containsText("不在您的管理范围内");
            assertThat(page.content()).doesNotContain(DemoAccounts.OTHER_SECRETARY_NAME);
        }

        // The other secretary does see that member: the 404 is about scope, not a wrong id.
        Page other = newPage();
        BrowserSupport.login(other, DemoAccounts.OTHER_SECRETARY, DemoAccounts.PASSWORD);
        other.navigate("/members/" + otherMember);
        assertThat(other.locator("#member-name")).hasText(DemoAccounts.OTHER_SECRETARY_NAME);
    }
}
