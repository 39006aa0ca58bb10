package cn.zhibu.demo;

import cn.zhibu.dues.ArrearsCounts;
import cn.zhibu.dues.DuesArrears;
import cn.zhibu.dues.DuesBills;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.DuesViews;
import cn.zhibu.dues.RollupDues;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's 党费 year (issue 14): the demo member has dues to pay and sees them in the inbox, the demo secretary's
 * branch has members 3, 5 and 6 months behind (F8), the committees' roll-ups show the year and agree with a recount of
 * the bills and the ledger, and the monthly bill run finds nothing left to bill.
 */
@IntegrationTest
class DemoDuesIntegrationTest {

    private static final DataScope SYSTEM = DataScope.system("测试");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired DuesViews views;
    @Autowired DuesBills bills;
    @Autowired DuesArrears arrears;
    @Autowired DuesSettings settings;

    @Test
    void the_demo_member_has_open_dues_in_the_inbox() {
        ApiClient member = ApiClient.loggedIn(port, DemoAccounts.MEMBER, DemoAccounts.PASSWORD);
        var mine = member.get("/api/v1/dues/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(new BigDecimal(mine.json().get("owed").asText())).isPositive();
        assertThat(mine.json().get("openMonths").asInt()).isBetween(1, 2);
        assertThat(member.get("/api/v1/inbox").body()).contains("待交党费");
    }

    @Test
    void F8_the_demo_secretarys_branch_has_members_3_5_and_6_months_behind() {
        long branch = org(DemoAccounts.SECRETARY_BRANCH);
        ArrearsCounts counts = arrears.counts(List.of(branch)).get(branch);
        assertThat(counts.removal()).isEqualTo(1);                  // 6 months
        assertThat(counts.urge()).isEqualTo(2);                     // 5 and 6
        assertThat(counts.remind()).isEqualTo(4);                   // 3, 3 after a justified month, 5, 6
        TreePath branchPath = new TreePath(path(branch));
        assertThat(jdbc.sql("select count(*) from dues_bill where " + SubtreeRewrite.orgIdIn("org_id")
                        + " and justified is not null")
                .params(branchPath.value(), branchPath.upperBound()).query(Long.class).single()).isEqualTo(1);
        ApiClient secretary = ApiClient.loggedIn(port, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        assertThat(secretary.get("/api/v1/inbox").body()).contains("未交纳党费");
    }

    @Test
    void the_committees_rollup_of_the_year_is_not_zero_and_equals_a_recount() {
        // last month's year: early in January this year's bills may not have been paid by anyone yet
        int year = YearMonth.now().minusMonths(1).getYear();
        for (String name : List.of(DemoAccounts.WORKING_COMMITTEE, DemoAccounts.ORG_ADMIN_COMMITTEE,
                DemoAccounts.SECRETARY_BRANCH)) {
            long orgId = org(name);
            TreePath subtree = new TreePath(path(orgId));
            RollupDues rollup = views.rollup(SYSTEM, orgId, year);
            BigDecimal due = jdbc.sql("""
                            select coalesce(sum(amount), 0) from dues_bill
                            where %s and status <> 'VOID' and extract(year from month) = ?"""
                            .formatted(SubtreeRewrite.orgIdIn("org_id")))
                    .params(subtree.value(), subtree.upperBound(), year).query(BigDecimal.class).single();
            BigDecimal paid = jdbc.sql("""
                            select coalesce(sum(a.amount), 0) from dues_allocation a join dues_entry e on e.id = a.entry_id
                            where %s and extract(year from a.month) = ?""".formatted(SubtreeRewrite.orgIdIn("e.org_id")))
                    .params(subtree.value(), subtree.upperBound(), year).query(BigDecimal.class).single();
            assertThat(rollup.total().due()).as(name).isPositive().isEqualByComparingTo(due);
            assertThat(rollup.total().paid()).as(name).isPositive().isEqualByComparingTo(paid);
            assertThat(rollup.total().paid()).as(name).isLessThanOrEqualTo(rollup.total().due());
        }
    }

    @Test
    void the_ledger_of_the_demo_branch_shows_each_case_of_the_year() {
        String branch = path(org(DemoAccounts.SECRETARY_BRANCH)) + "%";
        assertThat(count("kind = 'REVERSAL'", branch)).isEqualTo(1);
        assertThat(count("kind = 'EXTRA' and to_center", branch)).isEqualTo(1);
        assertThat(count("kind = 'EXTRA' and not to_center", branch)).isEqualTo(1);
        assertThat(count("payer = 'RELATIVE'", branch)).isEqualTo(1);
        assertThat(count("kind = 'REMITTANCE'", branch)).isEqualTo(1);
        assertThat(count("kind = 'PAYMENT' and consent is not null", branch)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select status || ' ' || count(*) from dues_relief where org_path like ? group by status order by 1")
                .param(branch).query(String.class).list()).containsExactly("APPROVED 1", "PROPOSED 1");
        // the 组织管理员 of the branch's committee is asked to decide the proposal
        ApiClient orgAdmin = ApiClient.loggedIn(port, DemoAccounts.ORG_ADMIN, DemoAccounts.PASSWORD);
        assertThat(orgAdmin.get("/api/v1/inbox?size=100").body()).contains("减免");
    }

    @Test
    void the_monthly_bill_run_finds_the_demo_month_billed_and_adds_nothing() {
        long root = org(DemoAccounts.WORKING_COMMITTEE);
        YearMonth now = YearMonth.now();
        assertThat(bills.covered(new TreePath(path(root)), now)).isTrue();   // the scheduled run skips the tree
        long before = jdbc.sql("select count(*) from dues_bill").query(Long.class).single();
        assertThat(bills.make(SYSTEM, root, now).bills()).isZero();         // and a run from the page adds nothing
        assertThat(jdbc.sql("select count(*) from dues_bill").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select min(month) from dues_bill").query(LocalDate.class).single())
                .isEqualTo(settings.firstMonth().atDay(1));
    }

    private long count(String condition, String pathLike) {
        return jdbc.sql("select count(*) from dues_entry e join organization o on o.id = e.org_id"
                        + " where o.path like ? and " + condition).param(pathLike)
                .query(Long.class).single();
    }

    private long org(String name) {
        return jdbc.sql("select id from organization where name = ?").param(name).query(Long.class).single();
    }

    private String path(long orgId) {
        return jdbc.sql("select path from organization where id = ?").param(orgId).query(String.class).single();
    }
}
