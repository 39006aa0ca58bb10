package cn.zhibu.platform.backup;

import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataDirectory;
import cn.zhibu.platform.audit.AuditChainCheck;
import cn.zhibu.platform.crypto.AuditKeyring;
import cn.zhibu.platform.db.DatabaseAccess;
import cn.zhibu.platform.audit.JavaMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code java -jar zhibu.jar restore --from FILE.zip [--setting=value …]}: into an empty data directory only, the key
 * file and checkpoints are put back, a new embedded database is created (with its own password), the migrations
 * build the schema the backup was taken with, the rows are copied in and counted, and the audit chain is verified
 * against the restored checkpoints. Then {@code java -jar zhibu.jar} starts on it (and migrates further if newer).
 * Exit code 0; 2 when refused; 1 on failure (delete what it wrote before trying again); 3 when restored but the
 * audit chain does not verify.
 */
public final class RestoreCommand {

    private static final Logger log = LoggerFactory.getLogger(RestoreCommand.class);

    private RestoreCommand() {
    }

    public static int run(String[] args) {
        try (CommandLine command = CommandLine.parse("--from", args)) {
            Path source = command.file();
            if (source == null || !Files.isRegularFile(source)) {
                log.error("用法：java -jar zhibu.jar restore --from 备份文件.zip [--zhibu.data-dir=…]（备份文件须存在）");
                return 2;
            }
            Environment env = command.env();
            DataDirectory data = new DataDirectory(env);
            List<String> inUse = inUse(env, data);
            if (data.temporary() || !inUse.isEmpty()) {
                log.error("未恢复：只能恢复到空的数据目录，而 {} 已存在。请换一个目录（--zhibu.data-dir=…）或先移走它们",
                        data.temporary() ? "zhibu.data-dir 为空" : String.join("、", inUse));
                return 2;
            }
            try (ZipFile zip = new ZipFile(source.toFile())) {
                ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
                if (manifestEntry == null) {
                    log.error("未恢复：{} 不是本平台的备份（缺少 {}）", source, BackupManifest.ENTRY);
                    return 2;
                }
                BackupManifest manifest;
                try (InputStream in = zip.getInputStream(manifestEntry)) {
                    manifest = JsonMapper.builder().build().readValue(in, BackupManifest.class);
                }
                return restore(env, data, zip, manifest);
            }
        } catch (Exception e) {
            log.error("恢复失败：{}（请删除已写入的数据目录后重试）", e.getMessage(), e);
            return 1;
        }
    }

    private static int restore(Environment env, DataDirectory data, ZipFile zip, BackupManifest manifest)
            throws Exception {
        try (DatabaseAccess db = DatabaseAccess.open(env, data)) {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                if (!Sql.tables(c).isEmpty()) {
                    log.error("未恢复：{} 中已有数据库表，只能恢复到空的数据库", db.url());
                    return 2;
                }
            }
            Flyway flyway = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                    .locations(env.getProperty("spring.flyway.locations", "classpath:db/migration").split(","))
                    .javaMigrations(JavaMigrations.forEmptyDatabase())
                    .target(manifest.schemaVersion()).load();
            boolean known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion)
                    .anyMatch(v -> v != null && v.getVersion().equals(manifest.schemaVersion()));
            if (!known) {
                log.error("未恢复：备份来自数据库版本 {}，本程序没有这一版本的迁移：请用做备份的（或更新的）程序版本恢复",
                        manifest.schemaVersion());
                return 2;
            }
            restoreFile(zip, BackupCommand.KEY_FILE, data.keyFile());
            restoreFile(zip, BackupCommand.CHECKPOINT_FILE, data.checkpointFile());
            flyway.migrate();
            Map<String, Long> counts;
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                counts = DatabaseLoad.load(c, zip, manifest);
            }
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            log.info("已恢复 {} 张表共 {} 行（备份于 {}，数据库版本 {}），各表行数与备份一致", counts.size(), rows,
                    manifest.createdAt(), manifest.schemaVersion());
            return verifyAudit(env, data, db);
        }
    }

    private static int verifyAudit(Environment env, DataDirectory data, DatabaseAccess db) {
        Optional<AuditKeyring> keys = AuditKeyring.existing(env.getProperty("zhibu.audit.keys", ""), data.keyFile());
        if (keys.isEmpty()) {
            log.warn("备份中没有审计密钥（来自环境变量？）：未校验审计链。请配置 ZHIBU_AUDIT_KEYS 后在审计页面校验");
            return 0;
        }
        AuditLog.ChainCheck check = AuditChainCheck.verify(JdbcClient.create(db.dataSource()), keys.get(),
                data.checkpointFile(), env.getProperty("zhibu.audit.anchor-dir", ""));
        if (!check.intact()) {
            log.error("数据已恢复，但审计链校验未通过：{}", check.problem());
            return 3;
        }
        log.info("审计链校验通过：{} 条记录，与检查点一致。现在可以启动：java -jar zhibu.jar", check.checked());
        return 0;
    }

    private static List<String> inUse(Environment env, DataDirectory data) throws Exception {
        List<String> inUse = new ArrayList<>();
        if (!DatabaseAccess.external(env)) {
            if (DatabaseAccess.embeddedDirectoryInUse(data.postgres())) {
                inUse.add(data.postgres().toString());
            }
            if (Files.exists(data.postgresPassword())) {
                inUse.add(data.postgresPassword().toString());
            }
        }
        for (Path file : List.of(data.keyFile(), data.checkpointFile())) {
            if (Files.exists(file)) {
                inUse.add(file.toString());
            }
        }
        return inUse;
    }

    private static void restoreFile(ZipFile zip, String name, Path target) throws Exception {
        ZipEntry entry = zip.getEntry(name);
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                DataDirectory.writeOwnerOnly(target, in.readAllBytes());
            }
        }
    }
}
