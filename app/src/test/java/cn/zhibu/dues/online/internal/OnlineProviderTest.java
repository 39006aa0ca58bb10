package cn.zhibu.dues.online.internal;

import cn.zhibu.dues.online.OnlineSettings;
import cn.zhibu.dues.online.fake.FakeWechatPay;
import cn.zhibu.dues.online.fake.FakeWechatPayServer;
import cn.zhibu.platform.ServiceNotConfiguredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings of online payment: off by default, a missing setting named at start, key files read, no secret shown. */
class OnlineProviderTest {

    private static OnlineSettings settings(boolean enabled, String mchid, String privateKey, String publicKey,
                                           String keyId, String apiV3Key) {
        return new OnlineSettings(enabled, mchid, "wx0000000000000001", "SERIAL1", privateKey, publicKey, keyId, apiV3Key,
                "https://api.mch.weixin.qq.com", "https://dj.example.cn/api/v1/dues/online/notify", Duration.ofMinutes(30),
                10, new OnlineSettings.Fake(false, 0));
    }

    private static OnlineProvider provider(OnlineSettings s) {
        return new OnlineProvider(s, new StaticListableBeanFactory().getBeanProvider(FakeWechatPayServer.class), null);
    }

    @Test
    void disabled_by_default_the_pages_say_the_branch_records_payments_instead() {
        OnlineProvider off = provider(settings(false, null, null, null, null, null));
        assertThat(off.available()).isFalse();
        assertThatThrownBy(off::client).isInstanceOf(ServiceNotConfiguredException.class).hasMessageContaining("支部");
    }

    @Test
    void enabled_without_a_setting_refuses_to_start_naming_it() {
        assertThatThrownBy(() -> provider(settings(true, " ", "a", "b", "PUB_KEY_ID_1", "x".repeat(32))))
                .hasMessageContaining("zhibu.dues.online.mchid");
        assertThatThrownBy(() -> provider(settings(true, "1900000001", "a", "b", "SERIAL", "x".repeat(32))))
                .hasMessageContaining("PUB_KEY_ID_");
        assertThatThrownBy(() -> provider(settings(true, "1900000001", "a", "b", "PUB_KEY_ID_1", "short")))
                .hasMessageContaining("32");
    }

    @Test
    void a_real_account_is_read_from_its_pem_files_and_its_description_names_no_secret(@TempDir Path dir) throws Exception {
        FakeWechatPay.Keys keys = FakeWechatPay.Keys.generate();
        Path privateKey = Files.writeString(dir.resolve("apiclient_key.pem"), PemKeys.pem(keys.merchant().getPrivate()));
        Path publicKey = Files.writeString(dir.resolve("pub_key.pem"), PemKeys.pem(keys.platform().getPublic()));
        String apiV3Key = "A".repeat(16) + "B".repeat(16);
        OnlineProvider on = provider(settings(true, "1900000001", privateKey.toString(), publicKey.toString(),
                "PUB_KEY_ID_0119", apiV3Key));
        assertThat(on.available()).isTrue();
        assertThat(on.account().merchantKey()).isEqualTo(keys.merchant().getPrivate());
        assertThat(on.notifyUrl()).isEqualTo("https://dj.example.cn/api/v1/dues/online/notify");
        assertThat(on.account().toString()).doesNotContain(apiV3Key).doesNotContain("PRIVATE");
        assertThat(on.settings().toString()).doesNotContain(apiV3Key).doesNotContain(privateKey.toString());
    }
}
