package cn.zhibu.dues.online.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The merchant's side of WeChat Pay API v3 over {@code java.net.http}: every request signed (Authorization
 * {@code WECHATPAY2-SHA256-RSA2048}), every answer's signature verified with the 微信支付公钥 before it is read (its
 * serial must be the configured {@code PUB_KEY_ID_…}, its timestamp within five minutes), and the trade bill
 * checked against the SHA1 its download address came with (the file itself is not signed).
 */
public class WechatPayClient {

    private static final Logger log = LoggerFactory.getLogger(WechatPayClient.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MerchantAccount account;
    private final HttpClient http;
    private final Clock clock;

    public WechatPayClient(MerchantAccount account, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public MerchantAccount account() {
        return account;
    }

    /** What an H5 order asks for; amounts in 分. */
    public record H5Order(String outTradeNo, String description, long totalFen, Instant expires, String notifyUrl,
                          String clientIp) {
    }

    /** Places an H5 order (a phone browser outside WeChat) and returns its {@code h5_url}. */
    public String h5(H5Order order) {
        ObjectNode body = JSON.createObjectNode();
        body.put("appid", account.appid());
        body.put("mchid", account.mchid());
        body.put("description", order.description());
        body.put("out_trade_no", order.outTradeNo());
        body.put("time_expire", java.time.OffsetDateTime.ofInstant(order.expires(), java.time.ZoneOffset.ofHours(8))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        body.put("notify_url", order.notifyUrl());
        ObjectNode amount = body.putObject("amount");
        amount.put("total", order.totalFen());
        amount.put("currency", "CNY");
        ObjectNode scene = body.putObject("scene_info");
        scene.put("payer_client_ip", order.clientIp());
        scene.putObject("h5_info").put("type", "Wap");
        JsonNode answer = call("POST", "/v3/pay/transactions/h5", body.toString());
        String url = Transaction.text(answer, "h5_url");
        if (url == null || !url.startsWith("http")) {
            throw new ProviderException(200, "NO_H5_URL", "微信支付未返回支付地址");
        }
        return url;
    }

    /** The payment of an order, or empty when the provider does not know it. */
    public Optional<Transaction> query(String outTradeNo) {
        try {
            return Optional.of(Transaction.of(call("GET", "/v3/pay/transactions/out-trade-no/" + path(outTradeNo)
                    + "?mchid=" + path(account.mchid()), "")));
        } catch (ProviderException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void close(String outTradeNo) {
        ObjectNode body = JSON.createObjectNode().put("mchid", account.mchid());
        call("POST", "/v3/pay/transactions/out-trade-no/" + path(outTradeNo) + "/close", body.toString());
    }

    /** Asks for a refund of {@code refundFen} of an order of {@code totalFen}. */
    public RefundResult refund(String outTradeNo, String outRefundNo, long refundFen, long totalFen, String reason,
                               String notifyUrl) {
        ObjectNode body = JSON.createObjectNode();
        body.put("out_trade_no", outTradeNo);
        body.put("out_refund_no", outRefundNo);
        body.put("reason", reason.length() > 80 ? reason.substring(0, 80) : reason);
        body.put("notify_url", notifyUrl);
        ObjectNode amount = body.putObject("amount");
        amount.put("refund", refundFen);
        amount.put("total", totalFen);
        amount.put("currency", "CNY");
        return RefundResult.of(call("POST", "/v3/refund/domestic/refunds", body.toString()));
    }

    public Optional<RefundResult> queryRefund(String outRefundNo) {
        try {
            return Optional.of(RefundResult.of(call("GET", "/v3/refund/domestic/refunds/" + path(outRefundNo), "")));
        } catch (ProviderException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A day's trade bill (every trade and refund), as the text the provider serves, after its hash was checked. */
    public record TradeBillFile(LocalDate day, String text, String sha1) {
    }

    /** The trade bill of a day, or empty when the provider has none (no trade that day: its NO_STATEMENT_EXIST). */
    public Optional<TradeBillFile> tradeBill(LocalDate day) {
        JsonNode answer;
        try {
            answer = call("GET", "/v3/bill/tradebill?bill_date=" + day + "&bill_type=ALL", "");
        } catch (ProviderException e) {
            if (e.notFound() || "NO_STATEMENT_EXIST".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        String hashType = Transaction.text(answer, "hash_type");
        String expected = Transaction.text(answer, "hash_value");
        URI download = URI.create(String.valueOf(Transaction.text(answer, "download_url")));
        if (!"SHA1".equals(hashType) || expected == null || !sameOrigin(download)) {
            throw new ProviderException(200, "BAD_BILL_ANSWER", "对账单下载地址或摘要不符合约定");
        }
        HttpResponse<byte[]> file = send("GET", download, "");
        if (file.statusCode() != 200) {
            throw error(file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
        }
        String actual = sha1(file.body());
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ProviderException(200, "BILL_HASH_MISMATCH", "对账单摘要不符：文件可能不完整或被篡改");
        }
        return Optional.of(new TradeBillFile(day, new String(file.body(), StandardCharsets.UTF_8), actual));
    }

    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean sameOrigin(URI download) {
        return download.getScheme() != null && download.getScheme().equals(account.baseUrl().getScheme())
                && download.getHost() != null && download.getHost().equals(account.baseUrl().getHost())
                && download.getPort() == account.baseUrl().getPort();
    }

    private JsonNode call(String method, String pathAndQuery, String body) {
        HttpResponse<byte[]> response = send(method, URI.create(account.baseUrl() + pathAndQuery), body);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        verifyAnswer(response, text);
        if (response.statusCode() >= 300) {
            throw error(response.statusCode(), text);
        }
        if (text.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ProviderException(response.statusCode(), "BAD_JSON", "微信支付的应答不是 JSON");
        }
    }

    private HttpResponse<byte[]> send(String method, URI uri, String body) {
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json")
                .header("User-Agent", "zhibu-dues/1 (java.net.http)")
                .header("Authorization", authorization(method, pathAndQuery, body));
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("微信支付接口 {} {} 无法连接：{}", method, uri.getPath(), e.toString());
            throw new ProviderException(0, "UNREACHABLE", "微信支付暂时无法连接，请稍后再试");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(0, "INTERRUPTED", "请求被中断");
        }
    }

    /** The Authorization header of a request: its signature over {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}. */
    String authorization(String method, String pathAndQuery, String body) {
        long timestamp = clock.instant().getEpochSecond();
        String nonce = WechatPayCrypto.nonce(32);
        String signature = WechatPayCrypto.sign(
                WechatPayCrypto.requestMessage(method, pathAndQuery, timestamp, nonce, body), account.merchantKey());
        return "WECHATPAY2-SHA256-RSA2048 mchid=\"" + account.mchid() + "\",nonce_str=\"" + nonce
                + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + account.merchantSerial()
                + "\",signature=\"" + signature + "\"";
    }

    private void verifyAnswer(HttpResponse<byte[]> response, String body) {
        String serial = response.headers().firstValue("Wechatpay-Serial").orElse(null);
        String timestamp = response.headers().firstValue("Wechatpay-Timestamp").orElse("");
        String nonce = response.headers().firstValue("Wechatpay-Nonce").orElse("");
        String signature = response.headers().firstValue("Wechatpay-Signature").orElse(null);
        if (!account.platformKeyId().equals(serial)) {
            throw new ProviderException(response.statusCode(), "ANSWER_SERIAL",
                    "微信支付应答的公钥编号与配置不符，应答未被采信");
        }
        if (!withinWindow(timestamp, clock.instant())) {
            throw new ProviderException(response.statusCode(), "ANSWER_EXPIRED", "微信支付应答的时间戳超出允许范围，应答未被采信");
        }
        if (!WechatPayCrypto.verify(WechatPayCrypto.responseMessage(timestamp, nonce, body), signature,
                account.platformKey())) {
            throw new ProviderException(response.statusCode(), "ANSWER_SIGNATURE", "微信支付应答的签名无效，应答未被采信");
        }
    }

    /** Whether a seconds-since-epoch timestamp is within five minutes of now (false when it is not a number). */
    public static boolean withinWindow(String timestamp, Instant now) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long ts = Long.parseLong(timestamp);
        return Math.abs(now.getEpochSecond() - ts) <= CLOCK_SKEW.toSeconds();
    }

    private static ProviderException error(int status, String body) {
        String code = "HTTP_" + status;
        String message = "微信支付拒绝了请求（HTTP " + status + "）";
        try {
            JsonNode json = JSON.readTree(body);
            if (json.hasNonNull("code")) {
                code = json.get("code").asString();
                message = "微信支付拒绝了请求：" + code + " " + json.path("message").asString("");
            }
        } catch (JacksonException ignored) {
            // not JSON: the status says it
        }
        return new ProviderException(status, code, message);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
