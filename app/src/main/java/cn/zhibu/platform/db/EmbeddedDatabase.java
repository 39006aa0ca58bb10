package cn.zhibu.platform.db;

import cn.zhibu.platform.DataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL from the binaries on the classpath, run on a data directory of ours.
 * <p>
 * Zonky creates clusters that trust every local connection ({@code initdb -A trust}) and runs them with fsync and
 * synchronous commit off. Here the superuser gets a generated password, kept owner-only beside the data directory,
 * and pg_hba.conf asks every connection for it (scram-sha-256). A cluster created before — with trust — gets both on
 * its next start. Durable (the default) turns fsync and synchronous commit back on, so an acknowledged write
 * survives a power cut; tests may run without.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";
    private static final String HBA = """
            # Zhibu: every connection gives the password (scram-sha-256); the server listens on localhost only.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * @param dataDir      the cluster's directory, created with a new cluster when empty
     * @param passwordFile where the superuser's password is kept (created with a new one when missing)
     * @param port         0 for any free port
     * @param durable      fsync and synchronous commit on
     * @param temporary    delete the cluster when closed
     * @param startupWait  how long to wait for the server to accept connections (crash recovery takes a while)
     * @param memory       shared buffers and the write-ahead log between checkpoints
     */
    public record Settings(Path dataDir, Path passwordFile, int port, boolean durable, boolean temporary,
                           Duration startupWait, PostgresMemory memory) {
    }

    public static EmbeddedDatabase start(Settings settings) throws IOException {
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        DataDirectory.createOwnerOnlyDirectories(dir);
        OrphanPostmaster.stopIfRunning(dir);
        boolean created = settings.temporary() || !Files.exists(dir.resolve("PG_VERSION"));
        if (!created && !Files.exists(settings.passwordFile()) && securedBefore(dir)) {
            throw new IllegalStateException("内置 PostgreSQL（" + dir + "）要求密码，但密码文件 " + settings.passwordFile()
                    + " 不存在：请从备份中恢复它");
        }
        String password = readOrCreatePassword(settings.passwordFile());
        String onOff = settings.durable() ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(settings.temporary())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(settings.startupWait())
                .setConnectConfig("password", password)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", settings.memory().sharedBuffers())
                .setServerConfig("max_wal_size", settings.memory().maxWalSize())
                .setServerConfig("plan_cache_mode", "force_custom_plan")
                // zonky passes -F (fsync off) before these options; a later -c fsync=on overrides it
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", "on");
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } catch (IOException e) {
            OrphanPostmaster.stopIfRunning(dir); // zonky leaves the server running when it gives up waiting
            if (String.valueOf(rootCause(e).getMessage()).contains("password authentication failed")) {
                throw new IllegalStateException("内置 PostgreSQL 拒绝了 " + settings.passwordFile() + " 中的密码："
                        + "该文件与数据目录 " + dir + " 不是同一套（请从备份中恢复二者）", e);
            }
            throw e;
        }
        EmbeddedDatabase db = new EmbeddedDatabase(pg, password);
        try {
            db.requirePassword(created);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new IllegalStateException("无法为内置 PostgreSQL 设置密码认证：" + e.getMessage(), e);
        }
        db.storeStatisticsUncompressed();
        log.info("内置 PostgreSQL 已启动：数据目录 {}，端口 {}，{}，shared_buffers {}，max_wal_size {}", dir, pg.getPort(),
                settings.durable() ? "fsync 和同步提交已开启" : "fsync 和同步提交已关闭（仅用于测试）",
                settings.memory().sharedBuffers(), settings.memory().maxWalSize());
        return db;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password);
    }

    /** Sets the password and switches pg_hba.conf to scram-sha-256 if the cluster still trusts (a new or old one). */
    private void requirePassword(boolean created) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            boolean trusting = exists(s, "select 1 from pg_hba_file_rules where auth_method <> 'scram-sha-256'"
                    + " or error is not null");
            boolean noPassword = exists(s, "select 1 from pg_authid where rolname = current_user and rolpassword is null");
            if (!trusting && !noPassword) {
                return;
            }
            s.execute("set password_encryption = 'scram-sha-256'");
            // the password is hex, so it needs no quoting; statements are not logged by default
            s.execute("alter role " + USER + " password '" + password + "'");
            try (ResultSet rs = s.executeQuery("show hba_file")) {
                rs.next();
                Path hba = Path.of(rs.getString(1));
                Files.writeString(hba, HBA, StandardCharsets.UTF_8);
                DataDirectory.ownerOnly(hba);
            }
            s.execute("select pg_reload_conf()");
            if (created) {
                log.info("新建的内置 PostgreSQL 已设置密码，并要求每个连接以 scram-sha-256 认证");
            } else {
                log.warn("内置 PostgreSQL 原先对本机连接不设密码：已设置密码并改为 scram-sha-256 认证");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** See {@link UncompressedStatistics}; a failure costs planning time only, so it is logged, not thrown. */
    private void storeStatisticsUncompressed() {
        try (Connection c = connect()) {
            if (UncompressedStatistics.store(c)) {
                log.info("内置 PostgreSQL 的查询统计信息改为不压缩存放：规划语句时不再每次解压");
            }
        } catch (SQLException e) {
            log.warn("未能把内置 PostgreSQL 的查询统计信息改为不压缩存放（只影响规划语句的速度）：{}", e.getMessage());
        }
    }

    private static boolean securedBefore(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream()
                .anyMatch(line -> !line.strip().startsWith("#") && line.contains("scram-sha-256"));
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery("select exists(" + query + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.matches("[0-9a-f]{32,}")) {
                throw new IllegalStateException(file + " 应为内置 PostgreSQL 的密码（十六进制）");
            }
            return stored;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Hex.toHexString(random);
        DataDirectory.writeOwnerOnly(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        return password;
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
