package cn.zhibu.platform.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditKeyConfig {

    @Bean
    AuditKeyring auditKeyring(KeyMaterial keys) {
        return keys.auditKeys();
    }
}
