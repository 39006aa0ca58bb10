package cn.zhibu.learning.course.internal;

import cn.zhibu.learning.course.MediaStore;
import cn.zhibu.platform.DataDirectory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Media in a directory (owner-only), a file per key in a folder per the key's first two characters; a new file is
 * copied beside its place and moved in atomically, so a reader never sees half of one.
 */
public class FileMediaStore implements MediaStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FileMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = path(key);
        if (Files.exists(target)) {
            return;
        }
        DataDirectory.createOwnerOnlyDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + key, ".part");
        try {
            DataDirectory.ownerOnly(tmp);
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // stored by a concurrent upload of the same content
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Resource open(String key, long length) {
        return new FileSystemResource(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad media key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
