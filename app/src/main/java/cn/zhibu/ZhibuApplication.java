package cn.zhibu;

import cn.zhibu.platform.backup.BackupCommand;
import cn.zhibu.platform.backup.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/**
 * Zhibu (支部): the party-affairs platform, one deployable made of feature modules.
 * <p>
 * {@code java -jar zhibu.jar} serves the platform; {@code backup --to F} and {@code restore --from F} save and restore
 * the database with its keys. The province generator and the benchmark are not part of it: they live in the
 * {@code tools} Maven module and its own jar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZhibuApplication {

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "backup" -> System.exit(BackupCommand.run(rest));
            case "restore" -> System.exit(RestoreCommand.run(rest));
            default -> SpringApplication.run(ZhibuApplication.class, args);
        }
    }
}
