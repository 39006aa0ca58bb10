package cn.zhibu.dues.online.fake;

import cn.zhibu.dues.online.internal.MerchantAccount;
import cn.zhibu.dues.online.internal.WechatPayClient;
import cn.zhibu.dues.online.internal.WechatPayCrypto;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for WeChat Pay API v3 (direct merchant) that behaves like the real one where it matters to the
 * merchant: it refuses every request whose signature, serial, timestamp or nonce is wrong (401 SIGN_ERROR, the
 * provider's error JSON), signs every answer with its own platform key (serial {@code PUB_KEY_ID_…}), serves a cashier
 * page at the {@code h5_url} it hands out, and on "确认支付" sends the signed, AES-GCM-encrypted notification to the
 * order's notify_url; it serves query, close, refunds (and their notifications) and the trade bill with its SHA1.
 * Tests steer the notifications ({@link #plan}): twice, late, held back, with a wrong amount. Its keys are made at
 * start and thrown away at stop. Only ever bound to the loopback address.
 */
public final class FakeWechatPay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeWechatPay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_BODY = 64 * 1024;

    /** The throwaway keys: the merchant's pair (the fake verifies with its public half) and the platform's. */
    public record Keys(KeyPair merchant, String merchantSerial, KeyPair platform, String platformKeyId,
                       byte[] apiV3Key) {

        public static Keys generate() {
            try {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                String hex = "0123456789ABCDEF";
                StringBuilder serial = new StringBuilder();
                java.security.SecureRandom random = new java.security.SecureRandom();
                for (int i = 0; i < 40; i++) {
                    serial.append(hex.charAt(random.nextInt(16)));
                }
                return new Keys(rsa.generateKeyPair(), serial.toString(), rsa.generateKeyPair(),
                        "PUB_KEY_ID_0119" + WechatPayCrypto.nonce(24),
                        WechatPayCrypto.nonce(32).getBytes(StandardCharsets.US_ASCII));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * How the next payment's notification goes out: {@code times} deliveries (2: a repeat), each {@code delay}
     * after the payment, with {@code amountDeltaFen} added to the amount it reports (≠ 0: a forged amount), or held
     * back until {@link #releaseHeld()} (a notification that arrives after later events).
     */
    public record NotifyPlan(int times, Duration delay, long amountDeltaFen, boolean held) {
        public static final NotifyPlan NORMAL = new NotifyPlan(1, Duration.ZERO, 0, false);

        public static NotifyPlan twice() {
            return new NotifyPlan(2, Duration.ZERO, 0, false);
        }

        public static NotifyPlan wrongAmount(long deltaFen) {
            return new NotifyPlan(1, Duration.ZERO, deltaFen, false);
        }

        public static NotifyPlan heldBack() {
            return new NotifyPlan(1, Duration.ZERO, 0, true);
        }

        public static NotifyPlan late(Duration delay) {
            return new NotifyPlan(1, delay, 0, false);
        }
    }

    /** A notification as sent: the headers and the body, signed; tests may alter a copy and deliver it themselves. */
    public record SignedNotification(String timestamp, String nonce, String signature, String serial, String body) {

        public SignedNotification withBody(String other) {
            return new SignedNotification(timestamp, nonce, signature, serial, other);
        }

        public SignedNotification withSerial(String other) {
            return new SignedNotification(timestamp, nonce, signature, other, body);
        }

        public SignedNotification withSignature(String other) {
            return new SignedNotification(timestamp, nonce, other, serial, body);
        }
    }

    /** One delivery of a notification to the merchant and the status it answered (0: unreachable). */
    public record Delivery(String eventType, String outTradeNo, SignedNotification notification, int status) {
    }

    private static final class Order {
        final String outTradeNo;
        final String appid;
        final String description;
        final long totalFen;
        final String notifyUrl;
        final String prepayId;
        volatile String state = "NOTPAY";
        volatile String transactionId;
        volatile Instant successTime;
        volatile long refundedFen;

        Order(String outTradeNo, String appid, String description, long totalFen, String notifyUrl, String prepayId) {
            this.outTradeNo = outTradeNo;
            this.appid = appid;
            this.description = description;
            this.totalFen = totalFen;
            this.notifyUrl = notifyUrl;
            this.prepayId = prepayId;
        }
    }

    private static final class Refund {
        final String outRefundNo;
        final String refundId;
        final Order order;
        final long refundFen;
        final String notifyUrl;
        final Instant createdAt;
        volatile String status = "PROCESSING";
        volatile Instant successTime;

        Refund(String outRefundNo, String refundId, Order order, long refundFen, String notifyUrl, Instant createdAt) {
            this.outRefundNo = outRefundNo;
            this.refundId = refundId;
            this.order = order;
            this.refundFen = refundFen;
            this.notifyUrl = notifyUrl;
            this.createdAt = createdAt;
        }
    }

    private final String mchid;
    private final String appid;
    private final Keys keys;
    private final Clock clock;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Order> byPrepayId = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final Map<String, byte[]> billFiles = new ConcurrentHashMap<>();
    private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Runnable> held = new CopyOnWriteArrayList<>();
    private final AtomicLong refusedRequests = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private final java.util.concurrent.ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-wechatpay");
        t.setDaemon(true);
        return t;
    });
    private volatile NotifyPlan plan = NotifyPlan.NORMAL;
    private volatile boolean tamperNextBill;
    private volatile boolean serveTodaysBill;

    public FakeWechatPay(String mchid, String appid, Keys keys, Clock clock, int port) {
        this.mchid = mchid;
        this.appid = appid;
        this.keys = keys;
        this.clock = clock;
        try {
            this.server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("本地模拟微信支付无法监听端口 " + port, e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        log.info("本地模拟微信支付（仅供演示与测试）已启动：{}", baseUrl());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The account a merchant configures against this fake: its merchant number, keys and address. */
    public MerchantAccount merchantAccount() {
        return new MerchantAccount(mchid, appid, keys.merchantSerial(), keys.merchant().getPrivate(),
                keys.platformKeyId(), keys.platform().getPublic(), keys.apiV3Key(), baseUrl());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    // ---- test controls -------------------------------------------------------------------------------------------

    /** How the next payment's notification goes out (then back to normal). */
    public void plan(NotifyPlan next) {
        this.plan = next;
    }

    /** Sends the notifications held back by {@link NotifyPlan#heldBack()}, in the order they were held. */
    public void releaseHeld() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    public List<Delivery> deliveries() {
        return Collections.unmodifiableList(deliveries);
    }

    /** Requests refused for their signature, serial, timestamp or nonce. */
    public long refusedRequests() {
        return refusedRequests.get();
    }

    /** The next trade bill's file is altered after its SHA1 was computed (a download that must be rejected). */
    public void tamperNextBill() {
        tamperNextBill = true;
    }

    /** Serves the current day's bill as it stands (the provider serves a day's only after it ended). */
    public void serveTodaysBill(boolean serve) {
        serveTodaysBill = serve;
    }

    /** Signs any body as the platform would (a test's altered notification that only the AES-GCM tag can refuse). */
    public SignedNotification notificationSignedAsIs(String body) {
        return signed(body);
    }

    /** The payer taps 确认支付 on the cashier page. */
    public void pay(String outTradeNo) {
        pay(outTradeNo, clock.instant());
    }

    /** A payment that happened at {@code at} (a test's yesterday, for the trade bill), notified now. */
    public void pay(String outTradeNo, Instant at) {
        Order order = orders.get(outTradeNo);
        if (order == null || !"NOTPAY".equals(order.state)) {
            throw new IllegalStateException("订单不存在或已不可支付：" + outTradeNo);
        }
        order.transactionId = "4200" + String.format("%024d", sequence.incrementAndGet());
        order.successTime = at.truncatedTo(ChronoUnit.SECONDS);
        order.state = "SUCCESS";
        NotifyPlan p = plan;
        plan = NotifyPlan.NORMAL;
        Runnable send = () -> {
            for (int i = 0; i < p.times(); i++) {
                ObjectNode tx = transaction(order);
                if (p.amountDeltaFen() != 0) {
                    ((ObjectNode) tx.get("amount")).put("total", order.totalFen + p.amountDeltaFen())
                            .put("payer_total", order.totalFen + p.amountDeltaFen());
                }
                deliver(order.notifyUrl, "TRANSACTION.SUCCESS", order.outTradeNo,
                        notification("TRANSACTION.SUCCESS", "支付成功", "transaction", tx.toString()));
            }
        };
        schedule(send, p);
    }

    /** A refund made by the merchant on the merchant platform (not through the API), notified like any other. */
    public String refundOnMerchantPlatform(String outTradeNo) {
        Order order = orders.get(outTradeNo);
        Refund refund = newRefund(order, "MP" + sequence.incrementAndGet(), order.totalFen, order.notifyUrl);
        succeed(refund);
        return refund.outRefundNo;
    }

    /** A notification of a payment as the provider would send it, signed now (for tests that alter it). */
    public SignedNotification paymentNotification(String outTradeNo) {
        return notification("TRANSACTION.SUCCESS", "支付成功", "transaction", transaction(orders.get(outTradeNo)).toString());
    }

    /** Signs a notification envelope for the resource given (encrypted with the APIv3 key). */
    public SignedNotification notification(String eventType, String summary, String originalType, String resource) {
        String nonce = WechatPayCrypto.nonce(12);
        ObjectNode body = JSON.createObjectNode();
        body.put("id", java.util.UUID.randomUUID().toString());
        body.put("create_time", now8());
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", eventType);
        body.put("summary", summary);
        ObjectNode r = body.putObject("resource");
        r.put("original_type", originalType);
        r.put("algorithm", "AEAD_AES_256_GCM");
        r.put("ciphertext", WechatPayCrypto.encrypt(keys.apiV3Key(), nonce, originalType, resource));
        r.put("associated_data", originalType);
        r.put("nonce", nonce);
        return signed(body.toString());
    }

    /** Delivers a notification to {@code url} and records the status the merchant answered. */
    public int deliver(String url, String eventType, String outTradeNo, SignedNotification n) {
        int status;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("Wechatpay-Timestamp", n.timestamp()).header("Wechatpay-Nonce", n.nonce())
                    .header("Wechatpay-Signature", n.signature()).header("Wechatpay-Serial", n.serial())
                    .header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                    .POST(HttpRequest.BodyPublishers.ofString(n.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        deliveries.add(new Delivery(eventType, outTradeNo, n, status));
        return status;
    }

    // ---- the HTTP side -------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw = readBody(ex.getRequestBody());
            if (raw == null) {
                answer(ex, 413, error("PARAM_ERROR", "请求体过大"));
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (path.equals("/cashier")) {
                cashier(ex, method, body);
                return;
            }
            if (!path.startsWith("/v3/")) {
                answer(ex, 404, error("RESOURCE_NOT_EXISTS", "无此接口"));
                return;
            }
            String refusal = refusal(ex, method, body);
            if (refusal != null) {
                refusedRequests.incrementAndGet();
                log.warn("模拟微信支付拒绝了请求 {} {}：{}", method, path, refusal);
                answer(ex, 401, error("SIGN_ERROR", refusal));
                return;
            }
            api(ex, method, path, body);
        } catch (RuntimeException e) {
            log.warn("模拟微信支付处理请求失败", e);
            answer(ex, 500, error("SYSTEM_ERROR", "系统错误"));
        }
    }

    private void api(HttpExchange ex, String method, String path, String body) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        if (method.equals("POST") && path.equals("/v3/pay/transactions/h5")) {
            h5(ex, body);
        } else if (method.equals("GET") && path.startsWith("/v3/pay/transactions/out-trade-no/")) {
            Order order = orders.get(decode(path.substring("/v3/pay/transactions/out-trade-no/".length())));
            if (order == null || !mchid.equals(query.get("mchid"))) {
                answer(ex, 404, error("ORDER_NOT_EXIST", "订单不存在"));
            } else {
                answer(ex, 200, transaction(order).toString());
            }
        } else if (method.equals("POST") && path.startsWith("/v3/pay/transactions/out-trade-no/") && path.endsWith("/close")) {
            String no = decode(path.substring("/v3/pay/transactions/out-trade-no/".length(), path.length() - "/close".length()));
            Order order = orders.get(no);
            if (order == null) {
                answer(ex, 404, error("ORDER_NOT_EXIST", "订单不存在"));
            } else if (!"NOTPAY".equals(order.state) && !"CLOSED".equals(order.state)) {
                answer(ex, 400, error("ORDER_PAID", "订单已支付"));
            } else {
                order.state = "CLOSED";
                answer(ex, 204, "");
            }
        } else if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
            refund(ex, body);
        } else if (method.equals("GET") && path.startsWith("/v3/refund/domestic/refunds/")) {
            Refund refund = refunds.get(decode(path.substring("/v3/refund/domestic/refunds/".length())));
            if (refund == null) {
                answer(ex, 404, error("RESOURCE_NOT_EXISTS", "退款单不存在"));
            } else {
                answer(ex, 200, refundJson(refund, "status").toString());
            }
        } else if (method.equals("GET") && path.equals("/v3/bill/tradebill")) {
            tradeBill(ex, query);
        } else if (method.equals("GET") && path.equals("/v3/billdownload/file")) {
            byte[] file = billFiles.remove(String.valueOf(query.get("token")));
            if (file == null) {
                answer(ex, 404, error("RESOURCE_NOT_EXISTS", "下载地址已失效"));
            } else {
                // the file itself is not signed: the merchant checks it against the SHA1 it was given
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.sendResponseHeaders(200, file.length);
                ex.getResponseBody().write(file);
            }
        } else {
            answer(ex, 404, error("RESOURCE_NOT_EXISTS", "无此接口"));
        }
    }

    private void h5(HttpExchange ex, String body) throws IOException {
        JsonNode req = json(body);
        long total = req == null ? -1 : req.path("amount").path("total").asLong(-1);
        String no = req == null ? null : text(req, "out_trade_no");
        String notifyUrl = req == null ? null : text(req, "notify_url");
        if (req == null || !mchid.equals(text(req, "mchid")) || !appid.equals(text(req, "appid"))) {
            answer(ex, 400, error("PARAM_ERROR", "商户号或应用ID不正确"));
        } else if (no == null || !no.matches("[0-9A-Za-z_\\-|*]{6,32}") || total <= 0
                || !"CNY".equals(req.path("amount").path("currency").asString("CNY"))
                || notifyUrl == null || !notifyUrl.matches("https?://.+") || text(req, "description") == null
                || req.path("scene_info").path("h5_info").path("type").isMissingNode()) {
            answer(ex, 400, error("PARAM_ERROR", "参数错误"));
        } else if (orders.containsKey(no)) {
            answer(ex, 400, error("INVALID_REQUEST", "商户订单号重复"));
        } else {
            String prepayId = "wx" + DateTimeFormatter.ofPattern("ddHHmmss").format(clock.instant().atZone(CHINA))
                    + WechatPayCrypto.nonce(16).toLowerCase();
            Order order = new Order(no, appid, text(req, "description"), total, notifyUrl, prepayId);
            orders.put(no, order);
            byPrepayId.put(prepayId, order);
            answer(ex, 200, JSON.createObjectNode().put("h5_url", baseUrl() + "/cashier?prepay_id=" + prepayId
                    + "&package=" + WechatPayCrypto.nonce(10)).toString());
        }
    }

    private void refund(HttpExchange ex, String body) throws IOException {
        JsonNode req = json(body);
        Order order = req == null ? null : orders.get(String.valueOf(text(req, "out_trade_no")));
        String outRefundNo = req == null ? null : text(req, "out_refund_no");
        long amount = req == null ? -1 : req.path("amount").path("refund").asLong(-1);
        if (order == null) {
            answer(ex, 404, error("RESOURCE_NOT_EXISTS", "订单不存在"));
        } else if (outRefundNo == null || outRefundNo.length() > 64 || amount <= 0
                || req.path("amount").path("total").asLong(-1) != order.totalFen) {
            answer(ex, 400, error("PARAM_ERROR", "参数错误"));
        } else if (refunds.containsKey(outRefundNo)) {
            answer(ex, 200, refundJson(refunds.get(outRefundNo), "status").toString());
        } else if (!"SUCCESS".equals(order.state) && !"REFUND".equals(order.state)) {
            answer(ex, 403, error("NOT_ENOUGH", "订单未支付，不能退款"));
        } else if (amount > order.totalFen - order.refundedFen) {
            answer(ex, 403, error("NOT_ENOUGH", "退款金额超过可退金额"));
        } else {
            Refund refund = newRefund(order, outRefundNo, amount, text(req, "notify_url"));
            answer(ex, 200, refundJson(refund, "status").toString());
            // the bank takes a moment: the refund succeeds after the answer, and is notified
            workers.execute(() -> succeed(refund));
        }
    }

    private Refund newRefund(Order order, String outRefundNo, long amount, String notifyUrl) {
        Refund refund = new Refund(outRefundNo, "5030" + String.format("%025d", sequence.incrementAndGet()), order,
                amount, notifyUrl, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        order.refundedFen += amount;
        refunds.put(outRefundNo, refund);
        return refund;
    }

    private void succeed(Refund refund) {
        refund.successTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        refund.status = "SUCCESS";
        refund.order.state = "REFUND";
        if (refund.notifyUrl != null) {
            deliver(refund.notifyUrl, "REFUND.SUCCESS", refund.order.outTradeNo,
                    notification("REFUND.SUCCESS", "退款成功", "refund", refundJson(refund, "refund_status").toString()));
        }
    }

    private void tradeBill(HttpExchange ex, Map<String, String> query) throws IOException {
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(query.get("bill_date")));
        } catch (java.time.format.DateTimeParseException e) {
            answer(ex, 400, error("PARAM_ERROR", "bill_date 格式应为 yyyy-MM-dd"));
            return;
        }
        if (day.isAfter(LocalDate.now(clock.withZone(CHINA))) || (!serveTodaysBill && !day.isBefore(LocalDate.now(clock.withZone(CHINA))))) {
            answer(ex, 400, error("PARAM_ERROR", "只能下载今天以前的账单"));
            return;
        }
        byte[] file = billText(day).getBytes(StandardCharsets.UTF_8);
        String sha1 = WechatPayClient.sha1(file);
        if (tamperNextBill) {
            tamperNextBill = false;
            file = new String(file, StandardCharsets.UTF_8).replace("`SUCCESS", "`SUCCESX").getBytes(StandardCharsets.UTF_8);
        }
        String token = WechatPayCrypto.nonce(24);
        billFiles.put(token, file);
        answer(ex, 200, JSON.createObjectNode().put("hash_type", "SHA1").put("hash_value", sha1)
                .put("download_url", baseUrl() + "/v3/billdownload/file?token=" + token).toString());
    }

    /** The day's trades and refunds in the provider's format: backtick-prefixed fields, then the summary lines. */
    String billText(LocalDate day) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder sb = new StringBuilder("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
                + "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,"
                + "退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n");
        int count = 0;
        long settled = 0;
        long refunded = 0;
        for (Order o : orders.values()) {
            if (o.successTime != null && o.successTime.atZone(CHINA).toLocalDate().equals(day)) {
                sb.append(row(at.format(o.successTime.atZone(CHINA)), o, "SUCCESS", o.totalFen, "", "", 0, ""));
                count++;
                settled += o.totalFen;
            }
        }
        for (Refund r : refunds.values()) {
            if (r.successTime != null && r.successTime.atZone(CHINA).toLocalDate().equals(day)) {
                sb.append(row(at.format(r.successTime.atZone(CHINA)), r.order, "REFUND", r.order.totalFen,
                        r.refundId, r.outRefundNo, r.refundFen, "SUCCESS"));
                count++;
                refunded += r.refundFen;
            }
        }
        sb.append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
        sb.append('`').append(count).append(",`").append(yuan(settled)).append(",`").append(yuan(refunded))
                .append(",`0.00,`0.00000,`").append(yuan(settled)).append(",`").append(yuan(refunded)).append("\r\n");
        return sb.toString();
    }

    private String row(String time, Order o, String state, long totalFen, String refundId, String outRefundNo,
                       long refundFen, String refundStatus) {
        return String.join(",", List.of("`" + time, "`" + o.appid, "`" + mchid, "`0", "`", "`" + o.transactionId,
                "`" + o.outTradeNo, "`oFakePayer", "`MWEB", "`" + state, "`OTHERS", "`CNY", "`" + yuan(totalFen),
                "`0.00", "`" + refundId, "`" + outRefundNo, "`" + yuan(refundFen), "`0.00",
                "`" + (refundId.isEmpty() ? "" : "ORIGINAL"), "`" + refundStatus, "`" + o.description.replace(",", "，"),
                "`", "`0.00000", "`0.00%", "`" + yuan(totalFen), "`" + yuan(refundFen), "`")) + "\r\n";
    }

    private void cashier(HttpExchange ex, String method, String body) throws IOException {
        Map<String, String> params = query("GET".equals(method) ? ex.getRequestURI().getRawQuery() : body);
        Order order = byPrepayId.get(String.valueOf(params.get("prepay_id")));
        String redirect = params.getOrDefault("redirect_url", "");
        if (!redirect.isEmpty() && !redirect.matches("https?://[^\\s\"'<>]+")) {
            redirect = "";
        }
        if (order == null) {
            page(ex, 404, "订单不存在", "<p>该支付链接无效或已过期。</p>");
            return;
        }
        if ("POST".equals(method)) {
            String action = params.get("action");
            if ("pay".equals(action) && "NOTPAY".equals(order.state)) {
                pay(order.outTradeNo);
            } else if ("cancel".equals(action)) {
                // the payer leaves the cashier; the order stays unpaid until it expires or is closed
                log.info("模拟微信支付：付款人取消了支付 {}", order.outTradeNo);
            }
            if (!redirect.isEmpty()) {
                ex.getResponseHeaders().set("Location", redirect);
                ex.sendResponseHeaders(302, -1);
                return;
            }
            page(ex, 200, "支付结果", "<p>" + ("SUCCESS".equals(order.state) ? "支付成功" : "未支付") + "</p>");
            return;
        }
        String hidden = "<input type=\"hidden\" name=\"prepay_id\" value=\"" + html(order.prepayId) + "\">"
                + "<input type=\"hidden\" name=\"redirect_url\" value=\"" + html(redirect) + "\">";
        page(ex, 200, "微信支付", "<p class=\"m\">模拟商户（本地演示）</p><p>" + html(order.description) + "</p>"
                + "<p class=\"amt\">¥" + yuan(order.totalFen) + "</p>"
                + ("NOTPAY".equals(order.state)
                ? "<form method=\"post\" action=\"/cashier\">" + hidden
                + "<button name=\"action\" value=\"pay\" class=\"pay\">确认支付</button>"
                + "<button name=\"action\" value=\"cancel\" class=\"cancel\">取消</button></form>"
                : "<p>该订单" + ("SUCCESS".equals(order.state) || "REFUND".equals(order.state) ? "已支付" : "已关闭") + "</p>"));
    }

    private static void page(HttpExchange ex, int status, String title, String content) throws IOException {
        String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>body{font-family:sans-serif;margin:0;padding:1.5rem;text-align:center;background:#f7f7f7}"
                + ".amt{font-size:2.2rem;font-weight:bold}.m{color:#555}button{display:block;width:100%;margin:.75rem 0;"
                + "padding:.9rem;font-size:1.1rem;border:0;border-radius:.4rem}.pay{background:#07c160;color:#fff}"
                + ".cancel{background:#e5e5e5;color:#222}</style></head><body><main><h1>" + title + "</h1>"
                + "<p role=\"note\">这是本地模拟的微信支付收银台，不会发生真实扣款。</p>" + content + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** Why a request is refused (null: it is signed by the merchant, now, with a fresh nonce). */
    private String refusal(HttpExchange ex, String method, String body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (auth == null || !auth.startsWith(scheme)) {
            return "缺少签名或签名类型不正确";
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (String part : auth.substring(scheme.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                p.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip().replaceAll("^\"|\"$", ""));
            }
        }
        if (!mchid.equals(p.get("mchid"))) {
            return "商户号与签名不符";
        }
        if (!keys.merchantSerial().equals(p.get("serial_no"))) {
            return "商户证书序列号不正确";
        }
        if (!WechatPayClient.withinWindow(p.get("timestamp"), clock.instant())) {
            return "请求时间戳超出允许范围";
        }
        String uri = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        String message = WechatPayCrypto.requestMessage(method, uri, Long.parseLong(p.get("timestamp")),
                String.valueOf(p.get("nonce_str")), body);
        if (!WechatPayCrypto.verify(message, p.get("signature"), keys.merchant().getPublic())) {
            return "签名验证失败";
        }
        if (!seenNonces.add(p.get("nonce_str"))) {
            return "随机串已使用过（重放的请求）";
        }
        return null;
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
        SignedNotification s = signed(body);
        ex.getResponseHeaders().set("Wechatpay-Timestamp", s.timestamp());
        ex.getResponseHeaders().set("Wechatpay-Nonce", s.nonce());
        ex.getResponseHeaders().set("Wechatpay-Signature", s.signature());
        ex.getResponseHeaders().set("Wechatpay-Serial", s.serial());
        ex.getResponseHeaders().set("Request-ID", java.util.UUID.randomUUID().toString());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    private SignedNotification signed(String body) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String nonce = WechatPayCrypto.nonce(32);
        return new SignedNotification(ts, nonce, WechatPayCrypto.sign(WechatPayCrypto.responseMessage(ts, nonce, body),
                keys.platform().getPrivate()), keys.platformKeyId(), body);
    }

    private ObjectNode transaction(Order o) {
        ObjectNode tx = JSON.createObjectNode();
        tx.put("appid", o.appid);
        tx.put("mchid", mchid);
        tx.put("out_trade_no", o.outTradeNo);
        if (o.transactionId != null) {
            tx.put("transaction_id", o.transactionId);
        }
        tx.put("trade_type", "MWEB");
        tx.put("trade_state", o.state);
        tx.put("trade_state_desc", switch (o.state) {
            case "SUCCESS" -> "支付成功";
            case "REFUND" -> "转入退款";
            case "CLOSED" -> "已关闭";
            default -> "未支付";
        });
        if (o.successTime != null) {
            tx.put("bank_type", "OTHERS");
            tx.put("success_time", OffsetDateTime.ofInstant(o.successTime, ZoneOffset.ofHours(8)).toString());
            tx.putObject("payer").put("openid", "oFakePayer");
        }
        ObjectNode amount = tx.putObject("amount");
        amount.put("total", o.totalFen);
        amount.put("currency", "CNY");
        if (o.successTime != null) {
            amount.put("payer_total", o.totalFen);
            amount.put("payer_currency", "CNY");
        }
        return tx;
    }

    private ObjectNode refundJson(Refund r, String statusField) {
        ObjectNode json = JSON.createObjectNode();
        json.put("mchid", mchid);
        json.put("refund_id", r.refundId);
        json.put("out_refund_no", r.outRefundNo);
        json.put("transaction_id", r.order.transactionId);
        json.put("out_trade_no", r.order.outTradeNo);
        json.put("channel", "ORIGINAL");
        json.put("user_received_account", "支付用户零钱");
        json.put("create_time", OffsetDateTime.ofInstant(r.createdAt, ZoneOffset.ofHours(8)).toString());
        if (r.successTime != null) {
            json.put("success_time", OffsetDateTime.ofInstant(r.successTime, ZoneOffset.ofHours(8)).toString());
        }
        json.put(statusField, r.status);
        ObjectNode amount = json.putObject("amount");
        amount.put("total", r.order.totalFen);
        amount.put("refund", r.refundFen);
        amount.put("payer_total", r.order.totalFen);
        amount.put("payer_refund", r.refundFen);
        amount.put("currency", "CNY");
        return json;
    }

    private void schedule(Runnable send, NotifyPlan p) {
        if (p.held()) {
            held.add(send);
        } else if (p.delay().isZero()) {
            workers.execute(send);
        } else {
            workers.execute(() -> {
                try {
                    Thread.sleep(p.delay().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                send.run();
            });
        }
    }

    private String now8() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.ofHours(8)).toString();
    }

    private static String error(String code, String message) {
        return JSON.createObjectNode().put("code", code).put("message", message).toString();
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || !v.isString() ? null : v.asString();
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
