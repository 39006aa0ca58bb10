package cn.zhibu.learning.course;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the bytes of course media live, by key: a directory under the app's data directory, or an S3-compatible
 * bucket ({@link MediaStorageSettings}). Keys are content hashes, so storing the same key twice keeps one copy.
 */
public interface MediaStore {

    /** Stores the file's bytes under the key (the file itself stays the caller's to delete). */
    void put(String key, Path file) throws IOException;

    /**
     * The stored bytes as a resource of {@code length} bytes whose stream may be skipped cheaply, so Spring MVC can
     * answer range requests from it ({@code ResourceRegion}s).
     */
    Resource open(String key, long length);

    /** Whether the key is stored. */
    boolean exists(String key) throws IOException;
}
