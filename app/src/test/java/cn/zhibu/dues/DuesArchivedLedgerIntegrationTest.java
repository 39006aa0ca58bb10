package cn.zhibu.dues;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.DuesBillFixture;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member who left the registry (here: died) keeps their ledger and bills: the manager of where they last belonged
 * reads them (the member module says where, from its archive), read-only; a manager of another subtree still gets
 * 404 (ledger, member dues, bills of the member), and so does a write.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesArchivedLedgerIntegrationTest {

    private static final String PASSWORD = "Scope@DuesArchive2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DuesBillFixture bills;
    @Autowired DuesLedger ledger;
    @Autowired MembershipService membership;
    @LocalServerPort int port;

    long archived;
    String suffix;
    final YearMonth now = YearMonth.now();

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committeeA = data.committee("档案账目甲党委" + suffix);
        Organization branchA = data.org(committeeA.id(), "档案账目甲支部", OrganizationType.BRANCH);
        Organization branchB = data.org(data.committee("档案账目乙党委" + suffix).id(), "档案账目乙支部",
                OrganizationType.BRANCH);
        archived = data.member(branchA.id(), "档案账目党员", MemberStatus.FULL).id();
        bills.bills(archived, now.minusMonths(1), now, "25.00");
        ledger.record(TestData.SYSTEM, new RecordedPayment(archived, List.of(now), PaymentMethod.CASH, "DA-1",
                Payer.SELF, null, LocalDate.now(), null, null));
        membership.change(TestData.SYSTEM, archived, new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(),
                "病故", null, null));
        accounts.create("asecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("acomA" + suffix, PASSWORD, "甲党委书记", null, List.of(new RoleGrant(Role.SECRETARY, committeeA.id())));
        accounts.create("asecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
    }

    @Test
    void the_manager_of_where_an_archived_member_last_belonged_reads_their_ledger_and_bills() {
        for (String user : List.of("asecA", "acomA")) {
            ApiClient api = ApiClient.loggedIn(port, user + suffix, PASSWORD);
            ApiClient.Response ledgerJson = api.get("/api/v1/dues/members/" + archived + "/ledger");
            assertThat(ledgerJson.status()).as(user + ledgerJson.body()).isEqualTo(200);
            assertThat(ledgerJson.body()).contains("DA-1");
            ApiClient.Response dues = api.get("/api/v1/dues/members/" + archived);
            assertThat(dues.status()).as(user + dues.body()).isEqualTo(200);
            assertThat(dues.json().get("bills")).hasSize(2);
            assertThat(dues.json().get("managed").asBoolean()).isFalse();
            ApiClient.Response billsJson = api.get("/api/v1/dues/bills/of-member?memberId=" + archived);
            assertThat(billsJson.status()).as(user + billsJson.body()).isEqualTo(200);
            assertThat(billsJson.json()).hasSize(2);
            assertThat(billsJson.json().get(0).get("memberName").asString()).isEqualTo("档案账目党员");
            BrowserSession.Page page = BrowserSession.loggedIn(port, user + suffix, PASSWORD)
                    .get("/dues/members/" + archived + "/ledger");
            assertThat(page.status()).as(user).isEqualTo(200);
            assertThat(page.body()).contains("archived-note", "bill-" + now, "bill-" + now.minusMonths(1), "已交", "未交")
                    .doesNotContain("record-dues");
        }
    }

    @Test
    void a_manager_of_another_subtree_still_gets_404_and_nobody_records_for_an_archived_member() {
        ApiClient other = ApiClient.loggedIn(port, "asecB" + suffix, PASSWORD);
        assertThat(other.get("/api/v1/dues/members/" + archived + "/ledger").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/dues/members/" + archived).status()).isEqualTo(404);
        ApiClient.Response bills = other.get("/api/v1/dues/bills/of-member?memberId=" + archived);
        assertThat(bills.status()).isEqualTo(404);
        assertThat(bills.body()).doesNotContain("档案账目党员");
        assertThat(BrowserSession.loggedIn(port, "asecB" + suffix, PASSWORD)
                .get("/dues/members/" + archived + "/statement?year=" + now.getYear()).status()).isEqualTo(404);
        BrowserSession.Page page = BrowserSession.loggedIn(port, "asecB" + suffix, PASSWORD)
                .get("/dues/members/" + archived + "/ledger");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("DA-1");
        ApiClient own = ApiClient.loggedIn(port, "asecA" + suffix, PASSWORD);
        assertThat(own.get("/api/v1/dues/members/" + archived + "/payable").status()).isEqualTo(404);
    }
}
