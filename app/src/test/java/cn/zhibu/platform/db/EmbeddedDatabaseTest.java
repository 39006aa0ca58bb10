package cn.zhibu.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * At 5 M members half the planning of a branch's simple read went to decompressing the paths' statistics (1,000
     * values each): the cluster stores them uncompressed, and rewrites once those written compressed before.
     */
    @Test
    void planner_statistics_are_stored_uncompressed_and_those_written_compressed_before_are_rewritten() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings(false)); Connection c = db.connect();
             Statement s = c.createStatement()) {
            assertThat(storages(s)).containsOnly("e");
            s.execute("create table paths (path text)");
            s.execute("alter table paths alter column path set statistics 1000");
            s.execute("insert into paths select '/1/289789/295968/' || (i / 100) || '/' || i || '/'"
                    + " from generate_series(1, 30000) i");
            s.execute("analyze paths");
            assertThat(UncompressedStatistics.stillCompressed(c)).isEmpty();

            // a cluster whose statistics were written before: compressed
            s.execute("set allow_system_table_mods = on");
            s.execute("alter table pg_statistic alter column stavalues1 set storage extended,"
                    + " alter column stanumbers1 set storage extended");
            s.execute("reset allow_system_table_mods");
            s.execute("analyze paths");
            assertThat(UncompressedStatistics.stillCompressed(c)).containsExactly(Map.entry("paths", "path"));
            assertThat(UncompressedStatistics.store(c)).isTrue();
            assertThat(UncompressedStatistics.store(c)).isFalse();
            assertThat(storages(s)).containsOnly("e");
            assertThat(UncompressedStatistics.stillCompressed(c)).hasSize(1);

            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(db.jdbcUrl());
            dataSource.setUser(EmbeddedDatabase.USER);
            dataSource.setPassword(db.password());
            assertThat(StatisticsRewrite.rewrite(dataSource)).isEqualTo(1);
            assertThat(UncompressedStatistics.stillCompressed(c)).isEmpty();
            assertThat(StatisticsRewrite.rewrite(dataSource)).isZero();
            try (ResultSet rs = s.executeQuery("select count(*) from pg_stats where tablename = 'paths'"
                    + " and array_length(histogram_bounds::text::text[], 1) > 500")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the statistics are still there, as detailed").isEqualTo(1);
            }
        }
    }

    private static List<String> storages(Statement s) throws SQLException {
        List<String> storages = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select attstorage from pg_attribute"
                + " where attrelid = 'pg_statistic'::regclass and (attname like 'stavalues%' or attname like 'stanumbers%')")) {
            while (rs.next()) {
                storages.add(rs.getString(1));
            }
        }
        assertThat(storages).hasSize(10);
        return storages;
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
