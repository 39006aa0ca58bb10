package cn.zhibu.dues.online;

import cn.zhibu.dues.online.fake.FakeWechatPay;
import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat Pay's notifications at {@code POST /api/v1/dues/online/notify}, sent by the local fake as the provider
 * sends them: a valid one settles the order once; a forged, replayed, wrongly-serialled or tampered one, or one
 * with another amount, changes nothing; a repeat answers success and posts nothing; a refund notified before the
 * payment's notification settles and reverses in the right order; hostile bodies get 4xx, never 5xx.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineNotificationIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired FakeWechatPayServer server;
    @Autowired OnlinePayments onlinePayments;
    @Autowired cn.zhibu.dues.DuesFixture bills;
    @LocalServerPort int port;

    OnlineFixture f;
    FakeWechatPay fake;
    String notifyUrl;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void world() {
        f = new OnlineFixture("在线通知", data, accounts, jdbc, server, bills, port);
        fake = f.fake;
        notifyUrl = "http://localhost:" + port + "/api/v1/dues/online/notify";
    }

    /** A voluntary extra (F7) only: no month, so orders of the tests do not overlap. */
    private Map.Entry<Long, String> anOrder() {
        return f.order(List.of(), "5.00");
    }

    @Test
    void valid_notification_settles_the_order_once_and_is_answered_204() {
        var order = f.order(List.of(f.thisMonth), "0");
        fake.pay(order.getValue());
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.awaitStatus(order.getKey(), "PAID")).isEqualTo("PAID");
        assertThat(f.postings(order.getKey())).isEqualTo(1);
        assertThat(f.audits("党费.在线交纳到账", order.getKey())).isEqualTo(1);
        assertThat(jdbc.sql("select settled_by from dues_online_order where id = ?").param(order.getKey())
                .query(String.class).single()).isEqualTo("NOTIFICATION");
    }

    @Test
    void repeated_notification_for_a_settled_order_answers_success_and_posts_nothing() {
        var order = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.twice());
        fake.pay(order.getValue());
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 2).status()).isEqualTo(204);
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.status(order.getKey())).isEqualTo("PAID");
        assertThat(f.postings(order.getKey())).isEqualTo(1);
        assertThat(f.audits("党费.在线交纳到账", order.getKey())).isEqualTo(1);
    }

    @Test
    void forged_signature_is_refused_401_and_changes_nothing() {
        var order = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.heldBack());
        fake.pay(order.getValue());
        FakeWechatPay.SignedNotification genuine = fake.paymentNotification(order.getValue());
        // signed by another key under the right serial
        FakeWechatPay other = new FakeWechatPay("1900000001", "wx0000000000demo01", FakeWechatPay.Keys.generate(),
                Clock.systemUTC(), 0);
        try {
            FakeWechatPay.SignedNotification forged = other.notificationSignedAsIs(genuine.body()).withSerial(genuine.serial());
            HttpResponse<String> r = post(forged);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("\"code\":\"FAIL\"").contains("签名无效");
        } finally {
            other.close();
        }
        // the genuine body with its signature altered by one character
        String sig = genuine.signature();
        assertThat(post(genuine.withSignature((sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1))).statusCode())
                .isEqualTo(401);
        assertThat(f.status(order.getKey())).isEqualTo("CREATED");
        assertThat(f.postings(order.getKey())).isZero();
        fake.releaseHeld();
        assertThat(f.awaitStatus(order.getKey(), "PAID")).isEqualTo("PAID");
    }

    @Test
    void replayed_notification_with_the_same_nonce_is_refused_and_changes_nothing() {
        var order = anOrder();
        fake.pay(order.getValue());
        FakeWechatPay.Delivery first = f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1);
        assertThat(first.status()).isEqualTo(204);
        HttpResponse<String> replay = post(first.notification());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("重放");
        assertThat(f.postings(order.getKey())).isEqualTo(1);
        assertThat(f.audits("党费.在线交纳到账", order.getKey())).isEqualTo(1);
    }

    @Test
    void wrong_serial_is_refused_401() {
        var order = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.heldBack());
        fake.pay(order.getValue());
        HttpResponse<String> r = post(fake.paymentNotification(order.getValue()).withSerial("PUB_KEY_ID_0000000000000000000000000000"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("公钥编号");
        assertThat(f.status(order.getKey())).isEqualTo("CREATED");
        fake.releaseHeld();
    }

    @Test
    void tampered_ciphertext_is_refused_400_even_when_signed() {
        var order = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.heldBack());
        fake.pay(order.getValue());
        String body = fake.paymentNotification(order.getValue()).body();
        int at = body.indexOf("\"ciphertext\":\"") + 14;
        String altered = body.substring(0, at) + (body.charAt(at) == 'A' ? 'B' : 'A') + body.substring(at + 1);
        HttpResponse<String> r = post(fake.notificationSignedAsIs(altered));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("密文");
        assertThat(f.status(order.getKey())).isEqualTo("CREATED");
        assertThat(f.postings(order.getKey())).isZero();
        fake.releaseHeld();
    }

    @Test
    void amount_mismatch_is_refused_logged_in_the_audit_and_posts_nothing() {
        var order = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.wrongAmount(-1));
        fake.pay(order.getValue());
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1).status()).isEqualTo(400);
        assertThat(f.status(order.getKey())).isEqualTo("CREATED");
        assertThat(f.postings(order.getKey())).isZero();
        assertThat(f.audits("党费.支付通知被拒", order.getKey())).isEqualTo(1);
    }

    @Test
    void out_of_order_refund_notified_before_the_payment_settles_then_reverses_and_the_late_payment_posts_nothing() {
        var order = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.heldBack());
        fake.pay(order.getValue());
        fake.refundOnMerchantPlatform(order.getValue());
        assertThat(f.awaitDelivery(order.getValue(), "REFUND.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.status(order.getKey())).isEqualTo("REFUNDED");
        assertThat(f.postings(order.getKey())).isEqualTo(1);
        assertThat(f.reversals(order.getKey())).isEqualTo(1);
        fake.releaseHeld();
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.status(order.getKey())).isEqualTo("REFUNDED");
        assertThat(f.postings(order.getKey())).isEqualTo(1);
        assertThat(f.reversals(order.getKey())).isEqualTo(1);
    }

    @Test
    void late_notification_after_the_return_page_asked_the_provider_posts_nothing_more() {
        var order = f.order(List.of(f.thisMonth.minusMonths(1)), "0");
        fake.plan(FakeWechatPay.NotifyPlan.heldBack());
        fake.pay(order.getValue());
        assertThat(f.memberApi().get("/api/v1/dues/online/orders/" + order.getKey()).json().get("order")
                .get("status").asString()).isEqualTo("PAID");
        fake.releaseHeld();
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.postings(order.getKey())).isEqualTo(1);
        assertThat(jdbc.sql("select settled_by from dues_online_order where id = ?").param(order.getKey())
                .query(String.class).single()).isEqualTo("QUERY");
    }

    @Test
    void a_payment_for_months_the_branch_recorded_meanwhile_posts_nothing_and_is_refunded_automatically() {
        java.time.YearMonth month = f.thisMonth.minusMonths(2);
        f.bill(month, "23.50");
        var order = f.order(List.of(month), "0");
        bills.pay(f.member.id(), month);
        fake.pay(order.getValue());
        assertThat(f.awaitDelivery(order.getValue(), "TRANSACTION.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.awaitDelivery(order.getValue(), "REFUND.SUCCESS", 1).status()).isEqualTo(204);
        assertThat(f.awaitStatus(order.getKey(), "REFUNDED")).isEqualTo("REFUNDED");
        assertThat(f.postings(order.getKey())).isZero();
        assertThat(f.reversals(order.getKey())).isZero();
        assertThat(f.audits("党费.到账未能入账", order.getKey())).isEqualTo(1);
    }

    @Test
    void expired_orders_are_settled_when_the_provider_was_paid_after_all_and_closed_otherwise() {
        var paidLost = anOrder();
        fake.plan(FakeWechatPay.NotifyPlan.heldBack());
        fake.pay(paidLost.getValue());
        var unpaid = anOrder();
        jdbc.sql("update dues_online_order set expires_at = now() - interval '10 minutes' where id in (?, ?)")
                .params(paidLost.getKey(), unpaid.getKey()).update();
        assertThat(onlinePayments.sweepExpired()).isGreaterThanOrEqualTo(2);
        assertThat(f.status(paidLost.getKey())).isEqualTo("PAID");
        assertThat(f.postings(paidLost.getKey())).isEqualTo(1);
        assertThat(f.status(unpaid.getKey())).isEqualTo("CLOSED");
        assertThat(f.postings(unpaid.getKey())).isZero();
        fake.releaseHeld();
    }

    @Test
    void hostile_bodies_and_headers_get_4xx_never_5xx_and_an_oversized_body_413() throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        List<String> bodies = List.of("", "{", "null", "[]", "{\"resource\":1}", "\u0000\u0001", "{\"a\":\"" + "x".repeat(1000) + "\"}");
        for (String body : bodies) {
            for (Map<String, String> headers : List.<Map<String, String>>of(Map.of(),
                    Map.of("Wechatpay-Serial", "x", "Wechatpay-Timestamp", "abc", "Wechatpay-Nonce", "n", "Wechatpay-Signature", "!!"),
                    Map.of("Wechatpay-Serial", server.fake().merchantAccount().platformKeyId(), "Wechatpay-Timestamp", ts,
                            "Wechatpay-Nonce", "n".repeat(500), "Wechatpay-Signature", "AAAA"))) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(notifyUrl)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                headers.forEach(b::header);
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(body + " " + headers).isBetween(400, 499);
            }
        }
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(notifyUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "y".repeat(70_000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> post(FakeWechatPay.SignedNotification n) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(notifyUrl)).header("Content-Type", "application/json")
                    .header("Wechatpay-Timestamp", n.timestamp()).header("Wechatpay-Nonce", n.nonce())
                    .header("Wechatpay-Signature", n.signature()).header("Wechatpay-Serial", n.serial())
                    .POST(HttpRequest.BodyPublishers.ofString(n.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
