package cn.zhibu.tools;

import cn.zhibu.ZhibuApplication;
import cn.zhibu.bench.BenchCommand;
import cn.zhibu.fuzz.ApiFuzzer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Arrays;

/**
 * The tools that are not the application and never ship inside it: {@code generate …} fills an empty database
 * with a province-shaped data set (it disables the audit trigger and can empty every table, so it must not be one
 * command away in production) and exits; {@code bench …} measures a running platform over HTTP; {@code fuzz …} drives
 * every operation of a running platform's OpenAPI document with bad and edge input (a million requests and more).
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
            // 党费 bases for a database generated before the generator wrote them (no need to regenerate 5 M members)
            case "dues-bases" -> System.exit(DuesBasesCommand.run(rest));
            // 学习教育 records (courses, progress, 学时, study years, roll-up) for an existing generated database
            case "study-records" -> System.exit(StudyRecordsCommand.run(rest));
            // the fuzzer of the app's tests (ApiFuzzIntegrationTest), for long runs against a running server
            case "fuzz" -> System.exit(ApiFuzzer.runFromArgs(rest).failureCount() == 0 ? 0 : 1);
            default -> {
                System.err.println("""
                        用法：
                          java -jar zhibu-tools.jar generate --members N [--seed S] [--password P] [--replace] [--name=value …]
                          java -jar zhibu-tools.jar bench [--help]
                          java -jar zhibu-tools.jar dues-bases --jdbc-url U --db-user N --db-password P [--seed S] [--replace]
                          java -jar zhibu-tools.jar study-records --jdbc-url U --db-user N --db-password P [--seed S] [--year Y] [--replace]
                          java -jar zhibu-tools.jar fuzz --url U --user N --password P [--others N:P] [--requests 1000000]
                                                         [--seconds S] [--threads 4] [--seed 1] [--slow-ms 2000] [--only I]""");
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
