package cn.zhibu.platform.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * This node's scratch space for jobs: local copies of job files for libraries that need a file, and uploads while
 * they are checked. Under the app's data directory with owner-only permissions (0700, files 0600), never the shared
 * system temp folder; a file is named after its job, so the cleanup deletes only files of jobs that are over.
 */
@Component
public class WorkDirectory {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;

    WorkDirectory(@Value("${zhibu.jobs.work-dir:./data/files/jobs}") String configured) throws IOException {
        if (configured.isBlank()) {
            this.dir = POSIX ? Files.createTempDirectory("zhibu-jobs", ownerOnly("rwx------"))
                    : Files.createTempDirectory("zhibu-jobs");
        } else {
            this.dir = Path.of(configured).toAbsolutePath().normalize();
            if (POSIX) {
                Files.createDirectories(dir, ownerOnly("rwx------"));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    public Path dir() {
        return dir;
    }

    /** A new owner-only file for this job, filled from {@code content}. */
    public Path write(UUID job, String name, InputStream content) throws IOException {
        Path file = newFile(job, name);
        try (content) {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** A new, empty owner-only file for this job. */
    public Path newFile(UUID job, String name) throws IOException {
        Path file = dir.resolve(job + "-" + UUID.randomUUID() + "-" + name.replaceAll("[^A-Za-z0-9.]", "_"));
        if (POSIX) {
            Files.createFile(file, ownerOnly("rw-------"));
        } else {
            Files.createFile(file);
        }
        return file;
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files here older than {@code age}, with the job each belongs to (files not named after a job are left alone). */
    public List<JobFile> olderThan(Duration age) {
        Instant before = Instant.now().minus(age);
        List<JobFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Instant modified = Files.getLastModifiedTime(f).toInstant();
                    if (f.getFileName().toString().length() > 36 && modified.isBefore(before)) {
                        found.add(new JobFile(UUID.fromString(f.getFileName().toString().substring(0, 36)), f, modified));
                    }
                } catch (IllegalArgumentException | IOException ignored) {
                    // not one of ours, or gone meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public record JobFile(UUID job, Path path, Instant modified) {
    }
}
