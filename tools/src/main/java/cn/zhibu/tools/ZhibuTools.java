package cn.zhibu.tools;

import cn.zhibu.ZhibuApplication;
import cn.zhibu.bench.BenchCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Arrays;

/**
 * The tools that are not the application and never ship inside it: {@code generate …} fills an empty database
 * with a province-shaped data set (it disables the audit trigger and can empty every table, so it must not be one
 * command away in production) and exits; {@code bench …} measures a running platform over HTTP.
 */
public final class ZhibuTools {

    private ZhibuTools() {
    }

    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            // as command-line arguments, these outrank application.yml (default properties would not)
            case "generate" -> System.exit(SpringApplication.exit(new SpringApplicationBuilder(ZhibuApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(with(rest, "--zhibu.demo.enabled=false", "--zhibu.generator.enabled=true",
                            "--db-scheduler.enabled=false"))));
            case "bench" -> BenchCommand.main(rest);
            default -> {
                System.err.println("""
                        用法：
                          java -jar zhibu-tools.jar generate --members N [--seed S] [--password P] [--replace] [--name=value …]
                          java -jar zhibu-tools.jar bench [--help]""");
                System.exit(2);
            }
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
