package cn.zhibu.dues.online;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code zhibu.dues.online.*} (env {@code ZHIBU_DUES_ONLINE_*}): online payment of 党费 through WeChat Pay API v3 as
 * a direct merchant (直连商户). Off by default; the demo setup turns it on against the local fake
 * ({@code fake.enabled}), which makes its own throwaway keys. For a real merchant account: {@code mchid},
 * {@code appid} (the 公众号/移动应用 bound to the merchant for H5 payment), {@code merchant-serial} (the serial of the
 * merchant API certificate), {@code merchant-private-key} (path of {@code apiclient_key.pem}),
 * {@code platform-public-key} (path of the 微信支付公钥 {@code pub_key.pem}) and {@code platform-public-key-id}
 * ({@code PUB_KEY_ID_…}), {@code api-v3-key} (the 32-character APIv3 key); {@code base-url} stays the provider's.
 * {@code notify-url} defaults to {@code zhibu.public-url} + {@code /api/v1/dues/online/notify} (HTTPS for the real
 * provider). {@code reconcile-after} is the hour of the day (China time) after which yesterday's trade bill is
 * fetched and compared. Secrets are never logged.
 */
@ConfigurationProperties("zhibu.dues.online")
public record OnlineSettings(@DefaultValue("false") boolean enabled,
                             String mchid,
                             String appid,
                             String merchantSerial,
                             String merchantPrivateKey,
                             String platformPublicKey,
                             String platformPublicKeyId,
                             String apiV3Key,
                             @DefaultValue("https://api.mch.weixin.qq.com") String baseUrl,
                             String notifyUrl,
                             @DefaultValue("PT30M") Duration orderExpiry,
                             @DefaultValue("10") int reconcileAfter,
                             @DefaultValue Fake fake) {

    /** The local fake of the provider: demo and tests only ({@code port} 0: any free port, on the loopback). */
    public record Fake(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {
    }

    @Override
    public String toString() {
        return "OnlineSettings[enabled=" + enabled + ", mchid=" + mchid + ", appid=" + appid + ", baseUrl=" + baseUrl
                + ", fake=" + fake.enabled() + "]";
    }
}
