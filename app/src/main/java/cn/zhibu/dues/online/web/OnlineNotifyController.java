package cn.zhibu.dues.online.web;

import cn.zhibu.dues.online.internal.NotificationHandler;
import cn.zhibu.dues.online.internal.NotificationVerifier;
import cn.zhibu.dues.online.internal.OnlineProvider;
import cn.zhibu.dues.online.internal.ProviderException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The provider's notifications (payments and refunds), without login: their signature is the credential. Read as
 * the raw bytes received (the signature covers them exactly), at most 64 KB. Answered as WeChat Pay expects: 204 on
 * success; otherwise 4xx (or 5xx when the provider is unreachable for a needed query) with
 * {@code {"code":"FAIL","message":…}}, after which it sends the notification again later.
 */
@RestController
@RequestMapping("/api/v1/dues/online")
@Tag(name = "党费在线交纳", description = "通过微信支付（APIv3，H5支付）交纳党费：党员本人下单，微信支付回调通知，支部退款，与微信支付对账")
class OnlineNotifyController {

    private static final Logger log = LoggerFactory.getLogger(OnlineNotifyController.class);
    static final int MAX_BODY = 64 * 1024;

    private final OnlineProvider provider;
    private final NotificationHandler handler;

    OnlineNotifyController(OnlineProvider provider, NotificationHandler handler) {
        this.provider = provider;
        this.handler = handler;
    }

    @PostMapping("/notify")
    @Operation(summary = "微信支付回调通知（支付成功、退款结果）",
            description = "仅供微信支付调用，无需登录：以 Wechatpay-Serial（微信支付公钥ID）、Wechatpay-Timestamp（5分钟内）、"
                    + "Wechatpay-Nonce（不可重复）和 Wechatpay-Signature 验证请求体的签名，再以 APIv3 密钥解密 resource。"
                    + "成功返回 204；否则返回 4xx，内容为 {\"code\":\"FAIL\",\"message\":…}。请求体不超过 64 KB")
    ResponseEntity<Map<String, String>> notify(HttpServletRequest request,
                                               @RequestHeader(name = "Wechatpay-Serial", required = false) String serial,
                                               @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
                                               @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
                                               @RequestHeader(name = "Wechatpay-Signature", required = false) String signature)
            throws IOException {
        if (!provider.available()) {
            return fail(404, "本平台未开通党费在线交纳");
        }
        byte[] raw = read(request.getInputStream());
        if (raw == null) {
            return fail(413, "通知内容过大");
        }
        try {
            handler.handle(serial, timestamp, nonce, signature, new String(raw, StandardCharsets.UTF_8));
            return ResponseEntity.noContent().build();
        } catch (NotificationVerifier.Refused e) {
            log.warn("拒绝微信支付通知：{}", e.getMessage());
            return fail(e.status(), e.getMessage());
        } catch (ProviderException e) {
            log.warn("处理微信支付通知时查询失败：{}", e.getMessage());
            return fail(503, "暂时无法处理，请稍后重发");
        } catch (RuntimeException e) {
            // verified, but the platform could not act on it now: the provider sends it again later
            log.error("处理已验证的微信支付通知失败", e);
            return fail(500, "系统暂时无法处理，请稍后重发");
        }
    }

    private static ResponseEntity<Map<String, String>> fail(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "FAIL", "message", message));
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }
}
