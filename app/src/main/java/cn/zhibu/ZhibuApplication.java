package cn.zhibu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Zhibu (支部): the party-affairs platform, one deployable made of feature modules. The province generator and
 * the benchmark are not part of it: they live in the {@code tools} Maven module and its own jar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZhibuApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhibuApplication.class, args);
    }
}
