package cn.zhibu.platform.db;

import cn.zhibu.platform.DataDirectory;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The app's database for a command run beside the app (backup, restore): the configured server when
 * {@code spring.datasource.url} is set; else the embedded one — the running server when the app is up (found by its
 * postmaster.pid, and never stopped), or one started for the command and stopped after it.
 */
public final class DatabaseAccess implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedDatabase started;

    private DatabaseAccess(String url, String user, String password, EmbeddedDatabase started) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.started = started;
    }

    public static boolean external(Environment env) {
        return !env.getProperty("spring.datasource.url", "").isBlank();
    }

    public static DatabaseAccess open(Environment env, DataDirectory data) throws IOException {
        if (external(env)) {
            return new DatabaseAccess(env.getProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"), null);
        }
        Optional<Integer> running = OrphanPostmaster.livePort(data.postgres());
        if (running.isPresent()) {
            return new DatabaseAccess("jdbc:postgresql://localhost:" + running.get() + "/postgres", EmbeddedDatabase.USER,
                    Files.readString(data.postgresPassword()).trim(), null);
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(data.postgres(),
                data.postgresPassword(), 0, env.getProperty("zhibu.embedded-db.durable", Boolean.class, true), false,
                env.getProperty("zhibu.embedded-db.startup-wait", Duration.class, Duration.ofMinutes(2)),
                PostgresMemory.configured(env)));
        return new DatabaseAccess(db.jdbcUrl(), EmbeddedDatabase.USER, db.password(), db);
    }

    /** Whether the embedded data directory holds anything (restore writes only into an empty one). */
    public static boolean embeddedDirectoryInUse(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir);
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}
