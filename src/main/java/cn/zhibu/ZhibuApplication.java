package cn.zhibu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Zhibu (支部): the party-affairs platform, one deployable made of feature modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibuApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhibuApplication.class, args);
    }
}
