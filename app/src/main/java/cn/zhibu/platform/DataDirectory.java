package cn.zhibu.platform;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The app's own directory ({@code zhibu.data-dir}, default {@code ./data}) and the files kept in it: the embedded
 * PostgreSQL ({@code pg/}) and its password ({@code pg.password}), the keys ({@code zhibu.keys}) and the audit
 * checkpoints ({@code audit-checkpoints.log}). Each file may be moved elsewhere by its own setting. A blank
 * {@code zhibu.data-dir} means a fresh owner-only temporary directory for this run, removed at shutdown (tests).
 */
@Component
public class DataDirectory implements DisposableBean {

    private final Path root;
    private final boolean temporary;
    private final Path postgres;
    private final Path keyFile;
    private final Path checkpointFile;

    public DataDirectory(Environment env) {
        String dir = env.getProperty("zhibu.data-dir", "./data");
        this.temporary = dir.isBlank();
        this.root = temporary ? createTemporary() : Path.of(dir).toAbsolutePath().normalize();
        this.postgres = setting(env, "zhibu.embedded-db.data-dir", "pg");
        this.keyFile = setting(env, "zhibu.crypto.key-file", "zhibu.keys");
        this.checkpointFile = setting(env, "zhibu.audit.checkpoint-file", "audit-checkpoints.log");
    }

    public Path root() {
        return root;
    }

    /** A temporary directory, removed at shutdown: the embedded PostgreSQL in it starts from scratch. */
    public boolean temporary() {
        return temporary;
    }

    /** The embedded PostgreSQL's data directory. */
    public Path postgres() {
        return postgres;
    }

    /** The password of the embedded PostgreSQL, beside its data directory ({@code pg} → {@code pg.password}). */
    public Path postgresPassword() {
        return postgres.resolveSibling(postgres.getFileName() + ".password");
    }

    public Path keyFile() {
        return keyFile;
    }

    public Path checkpointFile() {
        return checkpointFile;
    }

    private Path setting(Environment env, String name, String defaultName) {
        String value = env.getProperty(name, "");
        return value.isBlank() ? root.resolve(defaultName) : Path.of(value).toAbsolutePath().normalize();
    }

    /** Writes a file readable and writable by the owner only, replacing it atomically. */
    public static void writeOwnerOnly(Path file, byte[] content) {
        try {
            createOwnerOnlyDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            ownerOnly(tmp);
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Makes the file rw------- (on a POSIX file system). */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                    Files.isDirectory(file) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    /** Creates missing directories; those it creates are rwx------. */
    public static void createOwnerOnlyDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createOwnerOnlyDirectories(dir.getParent());
        Files.createDirectory(dir);
        ownerOnly(dir);
    }

    private static Path createTemporary() {
        try {
            Path dir = Files.createTempDirectory("zhibu-");
            ownerOnly(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() throws IOException {
        if (temporary) {
            FileSystemUtils.deleteRecursively(root);
        }
    }
}
