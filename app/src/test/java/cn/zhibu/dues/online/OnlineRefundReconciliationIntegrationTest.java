package cn.zhibu.dues.online;

import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds of mistaken online payments (by the member's secretary, with a reason; the ledger reverses on the
 * provider's success) and the reconciliation with the provider's trade bill (a payment whose notification never came
 * is settled from the bill, a payment here absent there and a difference of amount are reported, a tampered bill is
 * refused), with scope: another branch's secretary, another member and a member acting as a secretary get 404 or
 * 403 and change nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRefundReconciliationIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired FakeWechatPayServer server;
    @Autowired cn.zhibu.dues.DuesFixture bills;
    @LocalServerPort int port;

    OnlineFixture a;
    OnlineFixture b;
    String adminA;

    @BeforeAll
    void world() {
        a = new OnlineFixture("退款甲", data, accounts, jdbc, server, bills, port);
        b = new OnlineFixture("退款乙", data, accounts, jdbc, server, bills, port);
        adminA = "oa" + a.suffix;
        accounts.create(adminA, OnlineFixture.PASSWORD, "甲党委组织管理员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, a.committee.id())));
    }

    private Map.Entry<Long, String> paid(OnlineFixture f, String extra) {
        var order = f.order(List.of(), extra);
        f.fake.pay(order.getValue());
        assertThat(f.awaitStatus(order.getKey(), "PAID")).isEqualTo("PAID");
        return order;
    }

    @Test
    void a_secretary_refunds_a_mistaken_payment_with_a_reason_and_the_ledger_reverses_it_once() {
        var order = paid(a, "7.00");
        ApiClient.Response noReason = a.secretaryApi().post("/api/v1/dues/online/orders/" + order.getKey() + "/refund",
                Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        ApiClient.Response r = a.secretaryApi().post("/api/v1/dues/online/orders/" + order.getKey() + "/refund",
                Map.of("reason", "重复交纳"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(a.awaitStatus(order.getKey(), "REFUNDED")).isEqualTo("REFUNDED");
        assertThat(a.awaitDelivery(order.getValue(), "REFUND.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(a.reversals(order.getKey())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('党费.申请退款', '党费.退款成功')"
                + " and (after_json::jsonb ->> 'orderId')::bigint = ?").param(order.getKey()).query(Long.class).single())
                .as("this order's two entries (a LIKE on its id matched other orders' amounts and ids)").isEqualTo(2);
        // a second refund of the same order is refused
        assertThat(a.secretaryApi().post("/api/v1/dues/online/orders/" + order.getKey() + "/refund",
                Map.of("reason", "再退一次")).status()).isEqualTo(400);
    }

    @Test
    void scope_another_branch_secretary_and_another_member_get_404_and_a_member_cannot_refund() {
        var order = paid(a, "8.00");
        String path = "/api/v1/dues/online/orders/" + order.getKey();
        assertThat(b.secretaryApi().get(path).status()).isEqualTo(404);
        assertThat(b.memberApi().get(path).status()).isEqualTo(404);
        ApiClient.Response refund = b.secretaryApi().post(path + "/refund", Map.of("reason", "越权退款"));
        assertThat(refund.status()).isEqualTo(404);
        assertThat(a.memberApi().post(path + "/refund", Map.of("reason", "自己退款")).status()).isEqualTo(404);
        assertThat(a.status(order.getKey())).isEqualTo("PAID");
        assertThat(b.memberApi().get("/api/v1/dues/online/orders").body()).doesNotContain(order.getValue());
        assertThat(a.memberApi().get("/api/v1/dues/online/orders").body()).contains(order.getValue());
        // the secretary of the member's branch sees it; a secretary is not a member and cannot place orders
        assertThat(a.secretaryApi().get(path).status()).isEqualTo(200);
        assertThat(a.secretaryApi().post("/api/v1/dues/online/orders", Map.of("extra", 1)).status()).isEqualTo(403);
        // reconciliation is for 组织管理员
        assertThat(a.secretaryApi().get("/api/v1/dues/online/reconciliations").status()).isEqualTo(403);
        assertThat(a.memberApi().post("/api/v1/dues/online/reconciliations",
                Map.of("date", LocalDate.now().minusDays(1).toString())).status()).isEqualTo(403);
    }

    @Test
    void reconciliation_settles_from_the_bill_reports_differences_and_absences_and_refuses_a_tampered_bill() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        Instant noonYesterday = yesterday.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        // paid yesterday, notification lost: settled from the bill
        var lost = a.order(List.of(), "9.00");
        a.fake.plan(cn.zhibu.dues.online.fake.FakeWechatPay.NotifyPlan.heldBack());
        a.fake.pay(lost.getValue(), noonYesterday);
        // paid yesterday and notified: nothing to report
        var fine = a.order(List.of(), "9.10");
        a.fake.pay(fine.getValue(), noonYesterday);
        assertThat(a.awaitStatus(fine.getKey(), "PAID")).isEqualTo("PAID");
        // the provider's amount is not ours: reported, never settled
        var differs = a.order(List.of(), "9.20");
        a.fake.plan(cn.zhibu.dues.online.fake.FakeWechatPay.NotifyPlan.heldBack());
        a.fake.pay(differs.getValue(), noonYesterday);
        jdbc.sql("update dues_online_order set total_fen = total_fen + 1 where id = ?").param(differs.getKey()).update();
        // settled here yesterday but not in the bill (paid today at the provider)
        var absent = paid(a, "9.30");
        jdbc.sql("update dues_online_order set paid_at = ? where id = ?")
                .params(java.sql.Timestamp.from(noonYesterday), absent.getKey()).update();

        ApiClient admin = ApiClient.loggedIn(port, adminA, OnlineFixture.PASSWORD);
        a.fake.tamperNextBill();
        ApiClient.Response tampered = admin.post("/api/v1/dues/online/reconciliations", Map.of("date", yesterday.toString()));
        assertThat(tampered.status()).isEqualTo(503);
        assertThat(tampered.body()).contains("摘要不符");
        assertThat(a.status(lost.getKey())).isEqualTo("CREATED");

        ApiClient.Response r = admin.post("/api/v1/dues/online/reconciliations", Map.of("date", yesterday.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("statementSha1").asString()).hasSize(40);
        Map<String, String> found = new java.util.HashMap<>();
        for (JsonNode f : r.json().get("visibleFindings")) {
            found.put(f.get("outTradeNo").asString(), f.get("kind").asString());
        }
        assertThat(found).containsEntry(lost.getValue(), "SETTLED_FROM_BILL")
                .containsEntry(differs.getValue(), "AMOUNT_DIFFERS")
                .containsEntry(absent.getValue(), "MISSING_FROM_BILL")
                .doesNotContainKey(fine.getValue());
        assertThat(a.status(lost.getKey())).isEqualTo("PAID");
        assertThat(a.postings(lost.getKey())).isEqualTo(1);
        assertThat(a.status(differs.getKey())).isEqualTo("CREATED");
        assertThat(a.postings(differs.getKey())).isZero();
        // another committee's administrator sees none of branch A's findings
        String adminB = "ob" + b.suffix;
        accounts.create(adminB, OnlineFixture.PASSWORD, "乙党委组织管理员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, b.committee.id())));
        ApiClient.Response other = ApiClient.loggedIn(port, adminB, OnlineFixture.PASSWORD)
                .get("/api/v1/dues/online/reconciliations/" + r.json().get("id").asLong());
        assertThat(other.status()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        other.json().get("visibleFindings").forEach(f -> seen.add(f.get("outTradeNo").asString()));
        assertThat(seen).doesNotContain(lost.getValue(), differs.getValue(), absent.getValue());
        a.fake.releaseHeld();
    }
}
