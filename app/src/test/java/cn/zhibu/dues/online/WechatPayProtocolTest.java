package cn.zhibu.dues.online;

import cn.zhibu.dues.online.fake.FakeWechatPay;
import cn.zhibu.dues.online.internal.MerchantAccount;
import cn.zhibu.dues.online.internal.NotificationVerifier;
import cn.zhibu.dues.online.internal.ProviderException;
import cn.zhibu.dues.online.internal.RefundResult;
import cn.zhibu.dues.online.internal.Transaction;
import cn.zhibu.dues.online.internal.WechatPayClient;
import cn.zhibu.dues.online.internal.WechatPayCrypto;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The WeChat Pay API v3 protocol between the client and the local fake, without the application: both sides check
 * what the other signed, so a client with the wrong key is refused, and an answer signed by another key is not
 * believed; notifications are verified and decrypted, and each kind of forgery is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WechatPayProtocolTest {

    FakeWechatPay fake;
    WechatPayClient client;
    HttpServer merchant;
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    String notifyUrl;

    @BeforeAll
    void start() throws IOException {
        fake = new FakeWechatPay("1900000109", "wxd678efh567hg6787", FakeWechatPay.Keys.generate(), Clock.systemUTC(), 0);
        client = new WechatPayClient(fake.merchantAccount(), Clock.systemUTC());
        merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        merchant.createContext("/notify", ex -> {
            Map<String, String> n = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> n.put(k.toLowerCase(), v.get(0)));
            n.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(n);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        merchant.start();
        notifyUrl = "http://127.0.0.1:" + merchant.getAddress().getPort() + "/notify";
    }

    @AfterAll
    void stop() {
        fake.close();
        merchant.stop(0);
    }

    private String order(long fen) {
        String no = "T" + System.nanoTime();
        String url = client.h5(new WechatPayClient.H5Order(no, "党费", fen, Instant.now().plusSeconds(1800), notifyUrl,
                "127.0.0.1"));
        assertThat(url).startsWith(fake.baseUrl() + "/cashier?prepay_id=wx");
        return no;
    }

    @Test
    void an_h5_order_is_unpaid_until_the_payer_confirms_then_the_query_and_a_signed_notification_say_paid() {
        String no = order(2350);
        assertThat(client.query(no)).get().extracting(Transaction::tradeState).isEqualTo("NOTPAY");
        fake.pay(no);
        Transaction tx = client.query(no).orElseThrow();
        assertThat(tx.tradeState()).isEqualTo("SUCCESS");
        assertThat(tx.totalFen()).isEqualTo(2350);
        assertThat(tx.transactionId()).startsWith("4200");

        Map<String, String> n = awaitNotification(no);
        NotificationVerifier verifier = new NotificationVerifier(fake.merchantAccount(), Clock.systemUTC(), new HashSet<>()::add);
        NotificationVerifier.Verified v = verifier.verify(n.get("wechatpay-serial"), n.get("wechatpay-timestamp"),
                n.get("wechatpay-nonce"), n.get("wechatpay-signature"), n.get("body"));
        assertThat(v.eventType()).isEqualTo("TRANSACTION.SUCCESS");
        assertThat(Transaction.of(v.resource())).isEqualTo(tx);
    }

    @Test
    void a_notification_replayed_with_the_same_nonce_is_refused() {
        Set<String> seen = new HashSet<>();
        NotificationVerifier verifier = new NotificationVerifier(fake.merchantAccount(), Clock.systemUTC(), seen::add);
        FakeWechatPay.SignedNotification n = fake.notification("TRANSACTION.SUCCESS", "支付成功", "transaction", "{\"a\":1}");
        verify(verifier, n);
        assertThatThrownBy(() -> verify(verifier, n)).isInstanceOf(NotificationVerifier.Refused.class)
                .hasMessageContaining("重放");
    }

    @Test
    void forged_signature_wrong_serial_old_timestamp_and_tampered_ciphertext_are_refused_and_use_up_no_nonce() {
        Set<String> seen = new HashSet<>();
        NotificationVerifier verifier = new NotificationVerifier(fake.merchantAccount(), Clock.systemUTC(), seen::add);
        FakeWechatPay.SignedNotification n = fake.notification("TRANSACTION.SUCCESS", "支付成功", "transaction", "{\"a\":1}");
        assertThatThrownBy(() -> verify(verifier, n.withBody(n.body().replace("支付成功", "支付成功 "))))
                .hasMessageContaining("签名无效");
        // signed by a key that is not the platform's
        FakeWechatPay other = new FakeWechatPay("1900000109", "wxd678efh567hg6787", FakeWechatPay.Keys.generate(),
                Clock.systemUTC(), 0);
        try {
            FakeWechatPay.SignedNotification forged = other.notification("TRANSACTION.SUCCESS", "支付成功", "transaction", "{}");
            assertThatThrownBy(() -> verify(verifier, forged.withSerial(n.serial()))).hasMessageContaining("签名无效");
            assertThatThrownBy(() -> verify(verifier, forged)).hasMessageContaining("公钥编号");
        } finally {
            other.close();
        }
        NotificationVerifier later = new NotificationVerifier(fake.merchantAccount(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5).plusSeconds(2)), seen::add);
        assertThatThrownBy(() -> verify(later, n)).hasMessageContaining("时间戳");
        assertThat(seen).isEmpty();

        // a ciphertext altered by one character, then signed as if by the platform: the AES-GCM tag refuses it
        String body = n.body();
        int at = body.indexOf("\"ciphertext\":\"") + 14;
        char c = body.charAt(at);
        String altered = body.substring(0, at) + (c == 'A' ? 'B' : 'A') + body.substring(at + 1);
        FakeWechatPay.SignedNotification resigned = fake.notificationSignedAsIs(altered);
        assertThatThrownBy(() -> verify(verifier, resigned)).hasMessageContaining("密文");
    }

    @Test
    void a_client_with_another_merchant_key_is_refused_by_the_provider_with_its_error_json() {
        MerchantAccount real = fake.merchantAccount();
        MerchantAccount wrongKey = new MerchantAccount(real.mchid(), real.appid(), real.merchantSerial(),
                FakeWechatPay.Keys.generate().merchant().getPrivate(), real.platformKeyId(), real.platformKey(),
                real.apiV3Key(), real.baseUrl());
        long refusedBefore = fake.refusedRequests();
        assertThatThrownBy(() -> new WechatPayClient(wrongKey, Clock.systemUTC()).query("T1"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("SIGN_ERROR");
                });
        assertThat(fake.refusedRequests()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void an_answer_signed_by_another_platform_key_is_not_believed() {
        MerchantAccount real = fake.merchantAccount();
        MerchantAccount otherPlatform = new MerchantAccount(real.mchid(), real.appid(), real.merchantSerial(),
                real.merchantKey(), real.platformKeyId(), FakeWechatPay.Keys.generate().platform().getPublic(),
                real.apiV3Key(), real.baseUrl());
        String no = order(100);
        assertThatThrownBy(() -> new WechatPayClient(otherPlatform, Clock.systemUTC()).query(no))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.code()).isEqualTo("ANSWER_SIGNATURE"));
    }

    @Test
    void an_unknown_order_is_empty_a_closed_order_says_closed_and_a_paid_one_cannot_be_closed() {
        assertThat(client.query("NOPE" + System.nanoTime())).isEmpty();
        String no = order(500);
        client.close(no);
        assertThat(client.query(no).orElseThrow().tradeState()).isEqualTo("CLOSED");
        String paid = order(500);
        fake.pay(paid);
        assertThatThrownBy(() -> client.close(paid)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.code()).isEqualTo("ORDER_PAID"));
    }

    @Test
    void a_refund_is_processing_then_succeeds_with_a_signed_refund_notification() {
        String no = order(3000);
        fake.pay(no);
        String refundNo = "R" + System.nanoTime();
        RefundResult r = client.refund(no, refundNo, 3000, 3000, "误缴", notifyUrl);
        assertThat(r.status()).isIn("PROCESSING", "SUCCESS");
        Map<String, String> n = awaitNotification(no, "REFUND.SUCCESS");
        NotificationVerifier verifier = new NotificationVerifier(fake.merchantAccount(), Clock.systemUTC(), new HashSet<>()::add);
        NotificationVerifier.Verified v = verifier.verify(n.get("wechatpay-serial"), n.get("wechatpay-timestamp"),
                n.get("wechatpay-nonce"), n.get("wechatpay-signature"), n.get("body"));
        RefundResult notified = RefundResult.of(v.resource());
        assertThat(notified.succeeded()).isTrue();
        assertThat(notified.refundFen()).isEqualTo(3000);
        assertThat(client.queryRefund(refundNo).orElseThrow().succeeded()).isTrue();
        assertThat(client.query(no).orElseThrow().tradeState()).isEqualTo("REFUND");
    }

    @Test
    void the_trade_bill_lists_the_day_with_its_hash_checked_and_a_tampered_file_is_rejected() {
        String no = order(1234);
        fake.pay(no);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> client.tradeBill(today)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.code()).isEqualTo("PARAM_ERROR"));
        fake.serveTodaysBill(true);
        try {
            WechatPayClient.TradeBillFile bill = client.tradeBill(today).orElseThrow();
            assertThat(bill.text()).startsWith("交易时间,").contains("`" + no + ",").contains("`12.34,")
                    .contains("总交易单数,");
            fake.tamperNextBill();
            assertThatThrownBy(() -> client.tradeBill(today)).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.code()).isEqualTo("BILL_HASH_MISMATCH"));
        } finally {
            fake.serveTodaysBill(false);
        }
    }

    private NotificationVerifier.Verified verify(NotificationVerifier v, FakeWechatPay.SignedNotification n) {
        return v.verify(n.serial(), n.timestamp(), n.nonce(), n.signature(), n.body());
    }

    private Map<String, String> awaitNotification(String outTradeNo) {
        return awaitNotification(outTradeNo, "TRANSACTION.SUCCESS");
    }

    private Map<String, String> awaitNotification(String outTradeNo, String event) {
        NotificationVerifier peek = new NotificationVerifier(fake.merchantAccount(), Clock.systemUTC(), x -> true);
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (Map<String, String> n : received) {
                NotificationVerifier.Verified v = peek.verify(n.get("wechatpay-serial"), n.get("wechatpay-timestamp"),
                        n.get("wechatpay-nonce"), n.get("wechatpay-signature"), n.get("body"));
                if (v.eventType().equals(event) && outTradeNo.equals(v.resource().path("out_trade_no").asString())) {
                    return n;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + event + " notification for " + outTradeNo);
    }
}
