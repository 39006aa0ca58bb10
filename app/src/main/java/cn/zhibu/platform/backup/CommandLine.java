package cn.zhibu.platform.backup;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's file option ({@code --to F} or {@code --to=F}) and its settings: everything else is a Spring setting
 * ({@code --zhibu.data-dir=…}), read with application.yml and the environment exactly as the app reads them — from
 * a context that holds no beans, so the command starts nothing of the app.
 */
final class CommandLine implements AutoCloseable {

    private final Path file;
    private final ConfigurableApplicationContext settings;

    private CommandLine(Path file, ConfigurableApplicationContext settings) {
        this.file = file;
        this.settings = settings;
    }

    static CommandLine parse(String option, String[] args) {
        Path file = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (args[i].startsWith(option + "=")) {
                file = Path.of(args[i].substring(option.length() + 1));
            } else {
                rest.add(args[i]);
            }
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(rest.toArray(String[]::new));
        return new CommandLine(file == null ? null : file.toAbsolutePath().normalize(), context);
    }

    /** The file named by the option, or null when missing. */
    Path file() {
        return file;
    }

    Environment env() {
        return settings.getEnvironment();
    }

    @Override
    public void close() {
        settings.close();
    }

    /** The context's only source: no configuration, no component scan. */
    static final class NoBeans {
    }
}
