package cn.zhibu.life.internal;

import cn.zhibu.life.LateRecording;
import cn.zhibu.life.RecordSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The 补录 policy as a bean, from {@code zhibu.life.record.*}, for every part of the module that records or schedules. */
@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    @Bean
    LateRecording lateRecording(RecordSettings settings) {
        return LateRecording.of(settings);
    }
}
