package cn.zhibu.platform.backup;

import cn.zhibu.platform.DataDirectory;
import cn.zhibu.platform.db.DatabaseAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code java -jar zhibu.jar backup --to FILE.zip [--setting=value …]}: the database (a consistent logical dump of
 * every table) with the key file and the audit checkpoints, in one owner-only zip. Works while the app runs (on the
 * embedded database it finds the running server) or with the app stopped. Exit code 0, 2 when refused, 1 on failure.
 */
public final class BackupCommand {

    private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);
    /** Names in the zip, whatever the files are called where they live. */
    static final String KEY_FILE = "zhibu.keys";
    static final String CHECKPOINT_FILE = "audit-checkpoints.log";

    private BackupCommand() {
    }

    public static int run(String[] args) {
        try (CommandLine command = CommandLine.parse("--to", args)) {
            Path target = command.file();
            if (target == null) {
                log.error("用法：java -jar zhibu.jar backup --to 备份文件.zip [--zhibu.data-dir=…]");
                return 2;
            }
            if (Files.exists(target)) {
                log.error("未备份：{} 已存在，请换一个文件名", target);
                return 2;
            }
            DataDirectory data = new DataDirectory(command.env());
            if (data.temporary()) {
                log.error("未备份：zhibu.data-dir 为空（临时目录），没有可备份的数据");
                return 2;
            }
            // the files first, then the snapshot: the database then holds at least what the checkpoints record
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (var file : Map.of(KEY_FILE, data.keyFile(), CHECKPOINT_FILE, data.checkpointFile()).entrySet()) {
                if (Files.exists(file.getValue())) {
                    files.put(file.getKey(), Files.readAllBytes(file.getValue()));
                }
            }
            Path part = target.resolveSibling(target.getFileName() + ".part");
            DataDirectory.writeOwnerOnly(part, new byte[0]);
            BackupManifest manifest;
            try (DatabaseAccess db = DatabaseAccess.open(command.env(), data);
                 Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                for (var file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
                manifest = DatabaseDump.write(c, zip, List.copyOf(files.keySet()));
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                zip.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            } catch (Exception e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
            log.info("已备份到 {}：{} 张表共 {} 行（数据库版本 {}），以及 {}", target, manifest.tables().size(), rows,
                    manifest.schemaVersion(), files.isEmpty() ? "（无密钥文件）" : String.join("、", files.keySet()));
            if (!command.env().getProperty("zhibu.crypto.sm4-key", "").isBlank()
                    || !command.env().getProperty("zhibu.audit.keys", "").isBlank()) {
                log.warn("部分密钥来自环境变量（ZHIBU_SM4_KEY 等），不在备份中：请另行妥善保存，恢复时同样配置");
            }
            return 0;
        } catch (Exception e) {
            log.error("备份失败：{}", e.getMessage(), e);
            return 1;
        }
    }
}
