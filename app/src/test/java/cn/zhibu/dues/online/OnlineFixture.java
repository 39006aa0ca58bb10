package cn.zhibu.dues.online;

import cn.zhibu.dues.DuesFixture;
import cn.zhibu.dues.online.fake.FakeWechatPay;
import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A branch with a member who owes two months, their account and their secretary's, and the means to see what the
 * ledger posted (its entries for the order).
 */
final class OnlineFixture {

    static final String PASSWORD = "Online@Dues2026";

    final String suffix = Long.toString(System.nanoTime() % 1_000_000);
    final Organization committee;
    final Organization branch;
    final Member member;
    final YearMonth thisMonth = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
    final int port;
    private final JdbcClient jdbc;
    final FakeWechatPay fake;

    private final DuesFixture bills;

    OnlineFixture(String name, TestData data, UserAccounts accounts, JdbcClient jdbc,
                  FakeWechatPayServer server, DuesFixture bills, int port) {
        this.jdbc = jdbc;
        this.bills = bills;
        this.fake = server.fake();
        this.port = port;
        committee = data.committee(name + "党委" + suffix);
        branch = data.org(committee.id(), name + "支部", OrganizationType.BRANCH);
        member = data.member(branch.id(), name + "党员", MemberStatus.FULL);
        accounts.create("on" + suffix, PASSWORD, name + "党员", member.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("os" + suffix, PASSWORD, name + "书记", null, List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        bill(thisMonth.minusMonths(1), "23.50");
        bill(thisMonth, "23.50");
    }

    void bill(YearMonth month, String amount) {
        bills.bills(member.id(), new BigDecimal(amount), month);
    }

    ApiClient memberApi() {
        return ApiClient.loggedIn(port, "on" + suffix, PASSWORD);
    }

    ApiClient secretaryApi() {
        return ApiClient.loggedIn(port, "os" + suffix, PASSWORD);
    }

    /** Places an order for the months through the API; returns its id and out_trade_no. */
    Map.Entry<Long, String> order(List<YearMonth> months, String extra) {
        ApiClient.Response r = memberApi().post("/api/v1/dues/online/orders",
                Map.of("months", months.stream().map(YearMonth::toString).toList(), "extra", new BigDecimal(extra)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("payUrl").asString()).startsWith(fake.baseUrl() + "/cashier?prepay_id=");
        return Map.entry(r.json().get("order").get("id").asLong(), r.json().get("order").get("outTradeNo").asString());
    }

    String status(long orderId) {
        return jdbc.sql("select status from dues_online_order where id = ?").param(orderId).query(String.class).single();
    }

    String awaitStatus(long orderId, String expected) {
        long until = System.currentTimeMillis() + 15_000;
        String s = status(orderId);
        while (!s.equals(expected) && System.currentTimeMillis() < until) {
            sleep(100);
            s = status(orderId);
        }
        return s;
    }

    /** Whether the ledger posted the order (1: its PAYMENT and/or EXTRA entries exist, 0: nothing). */
    long postings(long orderId) {
        return jdbc.sql("select count(*) from dues_entry where online_order = ? and kind in ('PAYMENT', 'EXTRA')")
                .param(orderId).query(Long.class).single() > 0 ? 1 : 0;
    }

    /** Whether the ledger reversed the order's payment (1), at most once. */
    long reversals(long orderId) {
        return jdbc.sql("select count(*) from dues_entry e join dues_entry o on o.id = e.reverses"
                + " where o.online_order = ?").param(orderId).query(Long.class).single() > 0 ? 1 : 0;
    }

    long audits(String action, long orderId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and entity_id = ?")
                .params(action, Long.toString(orderId)).query(Long.class).single();
    }

    FakeWechatPay.Delivery awaitDelivery(String outTradeNo, String event, int nth) {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            List<FakeWechatPay.Delivery> found = fake.deliveries().stream()
                    .filter(d -> d.outTradeNo().equals(outTradeNo) && d.eventType().equals(event)).toList();
            if (found.size() >= nth) {
                return found.get(nth - 1);
            }
            sleep(50);
        }
        throw new AssertionError("no delivery #" + nth + " of " + event + " for " + outTradeNo);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
