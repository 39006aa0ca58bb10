package cn.zhibu.dues.online;

import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online payment pages across branches: another branch's secretary and another member get 404 for an order's
 * page, its status part and its refund form, a refund posted by them changes nothing, the branch's list shows only
 * its own members' orders, reconciliation is refused to secretaries and members; the pay page places an order for
 * the member and refuses a month they do not owe, naming it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlinePagesScopeIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired FakeWechatPayServer server;
    @Autowired cn.zhibu.dues.DuesFixture bills;
    @LocalServerPort int port;

    OnlineFixture a;
    OnlineFixture b;
    long paidOrder;
    String paidNo;

    @BeforeAll
    void world() {
        a = new OnlineFixture("页面甲", data, accounts, jdbc, server, bills, port);
        b = new OnlineFixture("页面乙", data, accounts, jdbc, server, bills, port);
        var order = a.order(List.of(), "3.00");
        a.fake.pay(order.getValue());
        assertThat(a.awaitStatus(order.getKey(), "PAID")).isEqualTo("PAID");
        paidOrder = order.getKey();
        paidNo = order.getValue();
    }

    private BrowserSession session(String prefix, OnlineFixture f) {
        return BrowserSession.loggedIn(port, prefix + f.suffix, OnlineFixture.PASSWORD);
    }

    @Test
    void another_branch_secretary_and_another_member_get_404_and_their_refund_changes_nothing() {
        for (BrowserSession other : List.of(session("os", b), session("on", b))) {
            assertThat(other.get("/dues/online/orders/" + paidOrder).status()).isEqualTo(404);
            assertThat(other.get("/dues/online/orders/" + paidOrder + "/status").status()).isEqualTo(404);
            assertThat(other.get("/dues/online/orders/" + paidOrder + "/refund").status()).isEqualTo(404);
            BrowserSession.Page posted = other.post("/dues/online/orders/" + paidOrder + "/refund",
                    Map.of("reason", "越权", "confirmed", "true"));
            assertThat(posted.status()).isEqualTo(404);
        }
        assertThat(a.status(paidOrder)).isEqualTo("PAID");
        assertThat(session("os", b).get("/dues/online/orders").body()).doesNotContain(paidNo);
        BrowserSession.Page own = session("os", a).get("/dues/online/orders");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(paidNo);
        assertThat(session("on", a).get("/dues/online/orders/" + paidOrder).body()).contains("已交纳");
    }

    @Test
    void the_branch_secretary_refunds_through_the_form_after_a_confirmation_page() {
        var order = a.order(List.of(), "4.00");
        a.fake.pay(order.getValue());
        assertThat(a.awaitStatus(order.getKey(), "PAID")).isEqualTo("PAID");
        BrowserSession secretary = session("os", a);
        String path = "/dues/online/orders/" + order.getKey() + "/refund";
        assertThat(secretary.get(path).body()).contains("退款原因");
        BrowserSession.Page empty = secretary.post(path, Map.of("reason", ""));
        assertThat(empty.body()).contains("请说明退款原因");
        BrowserSession.Page confirm = secretary.post(path, Map.of("reason", "月份选错"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("确定将这笔在线交纳的党费全额退还给党员吗").contains(order.getValue());
        assertThat(a.status(order.getKey())).isEqualTo("PAID");
        BrowserSession.Page done = secretary.post(path, Map.of("reason", "月份选错", "confirmed", "true"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(a.awaitStatus(order.getKey(), "REFUNDED")).isEqualTo("REFUNDED");
        assertThat(a.reversals(order.getKey())).isEqualTo(1);
    }

    @Test
    void reconciliation_page_is_refused_to_secretaries_and_members() {
        assertThat(session("os", a).get("/dues/online/reconciliation").status()).isEqualTo(403);
        assertThat(session("on", a).get("/dues/online/reconciliation").status()).isEqualTo(403);
        assertThat(session("on", a).post("/dues/online/reconciliation", Map.of("date", "2026-01-01")).status())
                .isIn(403, 302);
        assertThat(jdbc.sql("select count(*) from dues_online_reconciliation where bill_date = '2026-01-01'")
                .query(Long.class).single()).isZero();
        String admin = "pa" + a.suffix;
        accounts.create(admin, OnlineFixture.PASSWORD, "页面甲组织管理员", null,
                List.of(new cn.zhibu.identity.RoleGrant(cn.zhibu.identity.Role.ORG_ADMIN, a.committee.id())));
        BrowserSession adminPages = BrowserSession.loggedIn(port, admin, OnlineFixture.PASSWORD);
        assertThat(adminPages.get("/dues/online/reconciliation").body()).contains("reconcile-form");
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        assertThat(adminPages.post("/dues/online/reconciliation", Map.of("date", yesterday)).status()).isEqualTo(302);
        assertThat(adminPages.get("/dues/online/reconciliation").body()).contains(yesterday + " 的账单");
    }

    @Test
    void the_pay_page_lists_owed_months_places_an_order_and_names_a_month_not_owed() {
        BrowserSession member = session("on", b);
        BrowserSession.Page page = member.get("/dues/online/pay");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("m-" + b.thisMonth).contains("23.50 元");
        BrowserSession.Page refused = member.post("/dues/online/pay", Map.of("months", "2001-01"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("aria-invalid=\"true\"");
        BrowserSession.Page placed = member.post("/dues/online/pay", Map.of("months", b.thisMonth.toString()));
        assertThat(placed.status()).isEqualTo(302);
        assertThat(placed.location()).contains("/dues/online/orders/");
        BrowserSession.Page order = member.get(placed.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(order.body()).contains("待支付").contains("id=\"go-pay\"").contains(a.fake.baseUrl() + "/cashier");
        // a secretary has no member record: the page says so instead of a form
        assertThat(session("os", b).get("/dues/online/pay").body()).contains("online-not-member");
    }
}
