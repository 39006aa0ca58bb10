package cn.zhibu.dues.online.fake;

import cn.zhibu.dues.online.OnlineSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Runs {@link FakeWechatPay} inside the application for the demo setup and the tests, only when
 * {@code zhibu.dues.online.fake.enabled=true}, and only together with the demo ({@code zhibu.demo.enabled}): a
 * production start with the fake switched on by mistake fails instead of taking pretend payments.
 */
@Component
@ConditionalOnProperty(name = "zhibu.dues.online.fake.enabled", havingValue = "true")
public class FakeWechatPayServer implements AutoCloseable {

    private final FakeWechatPay fake;

    FakeWechatPayServer(OnlineSettings settings, @Value("${zhibu.demo.enabled:false}") boolean demo) {
        if (!demo) {
            throw new IllegalStateException("zhibu.dues.online.fake.enabled 只能在演示环境（zhibu.demo.enabled=true）中使用："
                    + "模拟的微信支付不会收到真实款项");
        }
        this.fake = new FakeWechatPay("1900000001", "wx0000000000demo01", FakeWechatPay.Keys.generate(),
                Clock.systemUTC(), settings.fake().port());
    }

    public FakeWechatPay fake() {
        return fake;
    }

    @Override
    public void close() {
        fake.close();
    }
}
