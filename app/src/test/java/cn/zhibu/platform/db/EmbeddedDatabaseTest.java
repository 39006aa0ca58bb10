package cn.zhibu.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL asks every connection for a password and, by default, writes durably. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    private EmbeddedDatabase.Settings settings(boolean durable) {
        return new EmbeddedDatabase.Settings(dir.resolve("pg"), dir.resolve("pg.password"), 0, durable, false,
                Duration.ofSeconds(5), new PostgresMemory("300MB", "2GB"));
    }

    @Test
    void a_new_cluster_asks_every_connection_for_its_password_and_writes_durably() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings(true))) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "wrong").close())
                    .hasMessageContaining("password authentication failed");
            try (Connection c = db.connect()) {
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "full_page_writes")).isEqualTo("on");
                assertThat(show(c, "shared_buffers")).isEqualTo("300MB");
                assertThat(show(c, "max_wal_size")).isEqualTo("2GB");
            }
            Path passwordFile = dir.resolve("pg.password");
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve("pg/pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
        }
    }

    @Test
    void tests_may_run_without_fsync() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings(false)); Connection c = db.connect()) {
            assertThat(show(c, "fsync")).isEqualTo("off");
            assertThat(show(c, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void a_cluster_created_trusting_every_local_connection_gets_a_password_on_its_next_start() throws Exception {
        Path pg = dir.resolve("pg");
        // a data directory as the app created it before: zonky's defaults, initdb -A trust
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('从前的数据')");
        }
        for (int start = 0; start < 2; start++) { // the first start secures it, the second finds it secured
            try (EmbeddedDatabase db = EmbeddedDatabase.start(settings(true))) {
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                        .isInstanceOf(SQLException.class);
                try (Connection c = db.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select v from kept")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("从前的数据");
                }
            }
        }
    }

    @Test
    void a_password_file_that_does_not_belong_to_the_cluster_is_named_in_the_error() throws Exception {
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(settings(false))) {
            // created and secured
        }
        Files.writeString(dir.resolve("pg.password"), "ab".repeat(24));
        assertThatThrownBy(() -> EmbeddedDatabase.start(settings(false)).close())
                .hasMessageContaining("pg.password").hasMessageContaining("不是同一套");
        Files.delete(dir.resolve("pg.password"));
        assertThatThrownBy(() -> EmbeddedDatabase.start(settings(false)).close())
                .hasMessageContaining("pg.password").hasMessageContaining("不存在");
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
