package cn.zhibu.dues.online.internal;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A WeChat Pay direct merchant (直连商户) as the client needs it: who it is, the key it signs with and its
 * certificate's serial, the 微信支付公钥 that verifies answers and notifications (with its {@code PUB_KEY_ID_…}), the
 * APIv3 key that decrypts notifications, and where the API is. {@link #toString()} names no secret.
 */
public record MerchantAccount(String mchid, String appid, String merchantSerial, PrivateKey merchantKey,
                              String platformKeyId, PublicKey platformKey, byte[] apiV3Key, URI baseUrl) {

    public MerchantAccount {
        if (apiV3Key.length != 32) {
            throw new IllegalArgumentException("APIv3 密钥应为32个字符");
        }
        String base = baseUrl.toString();
        baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    @Override
    public String toString() {
        return "MerchantAccount[mchid=" + mchid + ", appid=" + appid + ", merchantSerial=" + merchantSerial
                + ", platformKeyId=" + platformKeyId + ", baseUrl=" + baseUrl + "]";
    }
}
