package cn.zhibu.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar zhibu.jar generate --members N [--seed S] [--password P] [--replace]}: generates a province
 * and exits, 0 on success, 2 when refused (bad options, data already there), 1 when the load failed.
 */
@Component
@ConditionalOnBooleanProperty(name = "zhibu.generator.enabled")
class GeneratorRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final ProvinceGenerator generator;
    private int exitCode;

    GeneratorRunner(ProvinceGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            GenerationReport report = generator.generate(GeneratorOptions.parse(args.getSourceArgs()));
            log.info(report.summary());
            log.info("账号：{}（系统管理员）和 {}（省委组织部，管理全省），密码为 --password 所给（默认 {}）",
                    GeneratedAccounts.ADMIN, GeneratedAccounts.PROVINCE_ADMIN, GeneratorOptions.DEFAULT_PASSWORD);
        } catch (GenerationRefused e) {
            log.error("未生成数据：{}", e.getMessage());
            exitCode = 2;
        } catch (RuntimeException e) {
            log.error("数据生成失败，已全部回滚，数据库保持原样：{}", e.getMessage(), e);
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
