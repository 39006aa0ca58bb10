package cn.zhibu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/**
 * Zhibu (支部): the party-affairs platform, one deployable made of feature modules.
 * <p>
 * {@code java -jar zhibu.jar} serves the platform; {@code backup --to F} and {@code restore --from F} save and restore
 * the database with its keys; {@code generate …} fills the database with a province-shaped data set and exits;
 * {@code bench …} measures a running platform over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZhibuApplication {

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            // as command-line arguments, these outrank application.yml (default properties would not)
            case "generate" -> System.exit(SpringApplication.exit(new SpringApplicationBuilder(ZhibuApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(with(rest, "--zhibu.demo.enabled=false", "--zhibu.generator.enabled=true"))));
            case "bench" -> cn.zhibu.bench.BenchCommand.main(rest);
            case "backup" -> System.exit(cn.zhibu.platform.backup.BackupCommand.run(rest));
            case "restore" -> System.exit(cn.zhibu.platform.backup.RestoreCommand.run(rest));
            default -> SpringApplication.run(ZhibuApplication.class, args);
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
