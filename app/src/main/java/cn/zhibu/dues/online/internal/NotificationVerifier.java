package cn.zhibu.dues.online.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.function.Predicate;

/**
 * Decides whether a notification comes from the provider, now, for the first time, and what it says: the
 * {@code Wechatpay-Serial} must be the configured 微信支付公钥's id, the timestamp within five minutes, the signature
 * over {@code ts\nnonce\nbody\n} (the raw body, as received) valid under that key, the nonce never seen before
 * (recorded only once the signature holds, so forged requests cannot use up nonces), and the resource must decrypt
 * under the APIv3 key with its nonce and associated_data.
 */
public class NotificationVerifier {

    private final MerchantAccount account;
    private final Clock clock;
    private final Predicate<String> firstUseOfNonce;

    /** @param firstUseOfNonce records a nonce and answers whether it was new */
    public NotificationVerifier(MerchantAccount account, Clock clock, Predicate<String> firstUseOfNonce) {
        this.account = account;
        this.clock = clock;
        this.firstUseOfNonce = firstUseOfNonce;
    }

    /** A notification that passed every check, with its decrypted resource. */
    public record Verified(String id, String eventType, String originalType, JsonNode resource) {
    }

    /** Refused: {@code status} is what the provider is answered (4xx: do not trust, 5xx: try again later). */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public Verified verify(String serial, String timestamp, String nonce, String signature, String body) {
        if (serial == null || timestamp == null || nonce == null || signature == null) {
            throw new Refused(401, "缺少微信支付签名头");
        }
        if (!account.platformKeyId().equals(serial)) {
            throw new Refused(401, "微信支付公钥编号与配置不符");
        }
        if (!WechatPayClient.withinWindow(timestamp, clock.instant())) {
            throw new Refused(401, "通知时间戳超出允许范围（5分钟）");
        }
        if (nonce.isEmpty() || nonce.length() > 64 || !WechatPayCrypto.verify(
                WechatPayCrypto.responseMessage(timestamp, nonce, body), signature, account.platformKey())) {
            throw new Refused(401, "通知签名无效");
        }
        if (!firstUseOfNonce.test(nonce)) {
            throw new Refused(401, "通知随机串已使用过（重放）");
        }
        JsonNode envelope;
        try {
            envelope = WechatPayClient.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Refused(400, "通知内容不是 JSON");
        }
        JsonNode resource = envelope == null ? null : envelope.get("resource");
        if (resource == null || !resource.isObject()
                || !"AEAD_AES_256_GCM".equals(Transaction.text(resource, "algorithm"))) {
            throw new Refused(400, "通知缺少加密资源");
        }
        String plaintext;
        try {
            plaintext = WechatPayCrypto.decrypt(account.apiV3Key(), Transaction.text(resource, "nonce"),
                    Transaction.text(resource, "associated_data"), String.valueOf(Transaction.text(resource, "ciphertext")));
        } catch (WechatPayCrypto.TamperedResourceException e) {
            throw new Refused(400, e.getMessage());
        }
        try {
            JsonNode decrypted = WechatPayClient.JSON.readTree(plaintext);
            if (decrypted == null || !decrypted.isObject()) {
                throw new Refused(400, "通知资源不是 JSON 对象");
            }
            return new Verified(Transaction.text(envelope, "id"), String.valueOf(Transaction.text(envelope, "event_type")),
                    Transaction.text(resource, "original_type"), decrypted);
        } catch (JacksonException e) {
            throw new Refused(400, "通知资源不是 JSON");
        }
    }
}
