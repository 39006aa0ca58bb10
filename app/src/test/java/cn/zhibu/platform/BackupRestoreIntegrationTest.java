package cn.zhibu.platform;

import cn.zhibu.ZhibuApplication;
import cn.zhibu.platform.backup.BackupCommand;
import cn.zhibu.platform.backup.RestoreCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented commands end to end: the app runs on its own data directory (keys in its key file, demo data); a
 * backup is taken while it runs; the backup is restored into an empty directory; the app starts there and finds
 * every row, readable encrypted fields and a verifying audit chain. A second restore into the same place is refused.
 */
class BackupRestoreIntegrationTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext app(Path dataDir, boolean demo, boolean durable) {
        return new SpringApplicationBuilder(ZhibuApplication.class).web(WebApplicationType.NONE).run(
                "--zhibu.data-dir=" + dataDir, "--zhibu.demo.enabled=" + demo,
                "--zhibu.embedded-db.durable=" + durable, "--zhibu.embedded-db.pool-size=4",
                "--logging.level.root=WARN");
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = current_schema()"
                + " and tablename <> 'flyway_schema_history' order by 1").query(String.class).list()) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    @Test
    void a_backup_taken_while_the_app_runs_restores_into_an_empty_directory_with_every_record() throws Exception {
        Path original = dir.resolve("original");
        Path backup = dir.resolve("zhibu-backup.zip");
        Map<String, Long> before;
        String someIdNumber;
        try (ConfigurableApplicationContext running = app(original, true, false)) {
            JdbcClient jdbc = running.getBean(JdbcClient.class);
            running.getBean(AuditLog.class).checkpoint();
            assertThat(BackupCommand.run(new String[]{"--to", backup.toString(), "--zhibu.data-dir=" + original}))
                    .isZero();
            before = counts(jdbc);
            someIdNumber = running.getBean(FieldCipher.class).decrypt(jdbc.sql(
                    "select id_number_enc from member order by id limit 1").query(byte[].class).single());
        }
        // with the app stopped, the command starts the embedded database itself
        Path whileStopped = dir.resolve("while-stopped.zip");
        assertThat(BackupCommand.run(new String[]{"--to=" + whileStopped, "--zhibu.data-dir=" + original,
                "--zhibu.embedded-db.durable=false"})).isZero();
        assertThat(Files.size(whileStopped)).isGreaterThan(10_000);
        assertThat(before.get("member")).isGreaterThan(500);
        // the search keys (V57) are derived: left out of the backup, rebuilt by the restore's load of the members
        assertThat(before.get("member_lookup")).isEqualTo(before.get("member"));
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.getEntry("db/member.copy")).isNotNull();
            assertThat(zip.getEntry("db/member_lookup.copy")).isNull();
        }
        assertThat(before.get("audit_log")).isGreaterThan(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

        Path restored = dir.resolve("restored");
        assertThat(RestoreCommand.run(new String[]{"--from", backup.toString(), "--zhibu.data-dir=" + restored,
                "--zhibu.embedded-db.durable=false"})).isZero();
        assertThat(Files.readAllBytes(restored.resolve("zhibu.keys"))).isEqualTo(Files.readAllBytes(original.resolve("zhibu.keys")));
        // restore writes only into an empty data directory
        assertThat(RestoreCommand.run(new String[]{"--from", backup.toString(), "--zhibu.data-dir=" + restored}))
                .isEqualTo(2);

        try (ConfigurableApplicationContext started = app(restored, false, true)) {
            JdbcClient jdbc = started.getBean(JdbcClient.class);
            assertThat(counts(jdbc)).isEqualTo(before);
            assertThat(started.getBean(FieldCipher.class).decrypt(jdbc.sql(
                    "select id_number_enc from member order by id limit 1").query(byte[].class).single()))
                    .isEqualTo(someIdNumber);
            AuditLog.ChainCheck check = started.getBean(AuditLog.class).verify();
            assertThat(check.intact()).as(String.valueOf(check.problem())).isTrue();
            assertThat(check.checked()).isEqualTo(before.get("audit_log"));
            assertThat(check.lastCheckpoint()).isNotNull();
            // the app's default: the embedded PostgreSQL writes durably
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }
}
