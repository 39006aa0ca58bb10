package cn.zhibu.dues.online.internal;

import cn.zhibu.dues.online.OnlineSettings;
import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.platform.PublicAddress;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The merchant account online payment uses, from the settings (key files read once at start), or the local fake's
 * when that runs; none when {@code zhibu.dues.online.enabled} is false. A setting missing while enabled stops the
 * start with its name (never its value).
 */
@Component
public class OnlineProvider {

    private static final Logger log = LoggerFactory.getLogger(OnlineProvider.class);

    private final OnlineSettings settings;
    private final PublicAddress publicAddress;
    private final MerchantAccount account;
    private final WechatPayClient client;
    private final Clock clock = Clock.systemUTC();

    OnlineProvider(OnlineSettings settings, ObjectProvider<FakeWechatPayServer> fake, PublicAddress publicAddress) {
        this.settings = settings;
        this.publicAddress = publicAddress;
        if (!settings.enabled()) {
            this.account = null;
        } else if (fake.getIfAvailable() != null) {
            this.account = fake.getIfAvailable().fake().merchantAccount();
        } else {
            this.account = fromSettings(settings);
        }
        this.client = account == null ? null : new WechatPayClient(account, clock);
        if (account != null) {
            log.info("党费在线交纳已开通：微信支付 APIv3 {}", account);
        }
    }

    private static MerchantAccount fromSettings(OnlineSettings s) {
        require(s.mchid(), "mchid");
        require(s.appid(), "appid");
        require(s.merchantSerial(), "merchant-serial");
        require(s.merchantPrivateKey(), "merchant-private-key");
        require(s.platformPublicKey(), "platform-public-key");
        require(s.platformPublicKeyId(), "platform-public-key-id");
        require(s.apiV3Key(), "api-v3-key");
        if (!s.platformPublicKeyId().startsWith("PUB_KEY_ID_")) {
            throw new IllegalStateException("zhibu.dues.online.platform-public-key-id 应为微信支付公钥ID（PUB_KEY_ID_…）");
        }
        if (s.apiV3Key().getBytes(StandardCharsets.UTF_8).length != 32) {
            throw new IllegalStateException("zhibu.dues.online.api-v3-key 应为32个字符");
        }
        return new MerchantAccount(s.mchid(), s.appid(), s.merchantSerial(),
                PemKeys.privateKey(Path.of(s.merchantPrivateKey())), s.platformPublicKeyId(),
                PemKeys.publicKey(Path.of(s.platformPublicKey())), s.apiV3Key().getBytes(StandardCharsets.UTF_8),
                URI.create(s.baseUrl()));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("已开通党费在线交纳（zhibu.dues.online.enabled），但未设置 zhibu.dues.online." + name);
        }
    }

    public boolean available() {
        return account != null;
    }

    public WechatPayClient client() {
        if (client == null) {
            throw new ServiceNotConfiguredException("本平台未开通党费在线交纳，请向支部交纳（现金或转账），由支部登记");
        }
        return client;
    }

    public MerchantAccount account() {
        client();
        return account;
    }

    public Clock clock() {
        return clock;
    }

    /** Where the provider sends notifications: the setting, or the public address's notify endpoint. */
    public String notifyUrl() {
        if (settings.notifyUrl() != null && !settings.notifyUrl().isBlank()) {
            return settings.notifyUrl();
        }
        return publicAddress.base() + "/api/v1/dues/online/notify";
    }

    /** The address of a page of the platform, for the provider to send the payer back to. */
    public String pageUrl(String path) {
        return publicAddress.base() + path;
    }

    public OnlineSettings settings() {
        return settings;
    }
}
