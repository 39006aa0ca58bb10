package cn.zhibu.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The server's clock in China Standard Time, for rules that time people (study heartbeats, exam deadlines): take it
 * as a bean so a test can move time instead of sleeping. The test profile replaces it with an adjustable one.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @Profile("!test")
    Clock clock() {
        return Clock.system(ZONE);
    }
}
