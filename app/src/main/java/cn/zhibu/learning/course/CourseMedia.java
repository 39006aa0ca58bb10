package cn.zhibu.learning.course;

import cn.zhibu.learning.course.internal.CourseFileRows;
import cn.zhibu.learning.course.internal.CourseRows;
import cn.zhibu.learning.course.internal.MediaLength;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataDirectory;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FileContent;
import cn.zhibu.platform.FileKind;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.PayloadTooLargeException;
import cn.zhibu.platform.UnsupportedContentException;
import cn.zhibu.platform.input.TextKind;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A course's media file: uploaded as a stream (to an owner-only file under the data directory, never whole in memory,
 * refused as soon as it passes its kind's limit), judged by its content (a PDF for a document, MP4/WebM for a video,
 * MP3/M4A/Ogg/WAV for an audio), hashed (SHA-256, also its key in the {@link MediaStore}), its length read where the
 * format tells it; and streamed back to those who may read the course.
 */
@Service
public class CourseMedia {

    private static final int MEGABYTE = 1 << 20;

    private final CourseService service;
    private final CourseRows courses;
    private final CourseFileRows files;
    private final MediaStore store;
    private final MediaStorageSettings settings;
    private final AuditLog audit;
    private final Path incoming;
    private final TransactionTemplate transactions;

    CourseMedia(CourseService service, CourseRows courses, CourseFileRows files, MediaStore store,
                MediaStorageSettings settings, AuditLog audit, DataDirectory data,
                PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.service = service;
        this.courses = courses;
        this.files = files;
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.incoming = data.root().resolve("uploads");
    }

    /** The bytes to send and how to label them. */
    public record Media(Resource resource, String mediaType, String fileName) {
    }

    /**
     * Stores the file of a draft course (replacing an earlier one) and sets its length and study time: the length
     * read from the file wins over a stated one, and hours above it are refused (the file is then not attached).
     */
    public Course upload(DataScope scope, long courseId, String fileName, InputStream content) {
        // checked before a byte is read (no one out of scope fills the disk), and again under the row's lock below
        Course c = service.getManaged(scope, courseId);
        draftTakingFile(c);
        String name = TextKind.normalize(fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", ""));
        if (name == null || name.isEmpty()) {
            name = "课程文件";
        } else if (TextKind.SHORT.problem("文件名", name) != null) {
            throw InvalidInputException.of("file", TextKind.SHORT.problem("文件名", name));
        }
        Path tmp = null;
        try {
            DataDirectory.createOwnerOnlyDirectories(incoming);
            tmp = Files.createTempFile(incoming, "upload-", ".part");
            DataDirectory.ownerOnly(tmp);
            String sha256 = copyBounded(content, tmp, settings.maxBytes(c.kind()));
            long size = Files.size(tmp);
            if (size == 0) {
                throw InvalidInputException.of("file", "请选择要上传的文件");
            }
            FileKind kind = FileContent.detect(tmp).orElse(null);
            if (kind == null || !c.kind().files().contains(kind)) {
                throw new UnsupportedContentException("file", c.kind().label() + "课程只接受"
                        + c.kind().files().stream().map(FileKind::label).sorted().collect(Collectors.joining("、"))
                        + "，本文件的内容" + (kind == null ? "不是其中任何一种" : "是" + kind.label()));
            }
            OptionalInt read = MediaLength.seconds(tmp, kind);
            Integer seconds = read.isPresent() ? read.getAsInt() : null;
            Path stored = tmp;
            String storedName = name;
            return transactions.execute(status -> attach(scope, courseId, stored, storedName, kind, size, sha256, seconds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // an owner-only leftover in the uploads directory
                }
            }
        }
    }

    private static void draftTakingFile(Course c) {
        if (c.status() != CourseStatus.DRAFT) {
            throw InvalidInputException.of("file", "只有草稿可以上传文件；课程“" + c.title() + "”" + c.statusLabel());
        }
        if (!c.kind().takesFile()) {
            throw InvalidInputException.of("file", "图文课程不需要上传文件，请填写正文");
        }
    }

    /** Under the course's lock: the length rule, then the store and the row. */
    private Course attach(DataScope scope, long courseId, Path file, String name, FileKind kind, long size,
                          String sha256, Integer seconds) {
        Course c = service.lockManaged(scope, courseId);
        draftTakingFile(c);
        Integer length = c.kind().timed() ? (seconds != null ? seconds : c.mediaSeconds()) : null;
        String problem = CourseRules.hoursProblem(c.hours(), length);
        if (problem != null) {
            throw InvalidInputException.of("hours", problem + "；请先减少学时再上传");
        }
        try {
            store.put(sha256, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long fileId = files.insert(courseId, sha256, kind.name(), kind.mediaType(), name, size, sha256, seconds,
                scope.actorName());
        courses.attachFile(courseId, fileId, length, CourseRules.creditSeconds(c.hours(), length));
        Course after = courses.find(courseId).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.MEDIA_UPLOADED, CourseService.ENTITY, courseId, c.orgPath(),
                CourseService.snapshot(c), CourseService.snapshot(after));
        return after;
    }


    /** Copies at most {@code limit} bytes to the file and returns their SHA-256; 413 past the limit. */
    private static String copyBounded(InputStream in, Path file, long limit) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLargeException("file", "文件不能超过" + (limit / MEGABYTE) + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The course's file, for one who manages the course or to whom it is addressed; else 404. */
    @Transactional(readOnly = true)
    public Media open(DataScope scope, long courseId) {
        Course c = service.get(scope, courseId);
        if (c.file() == null) {
            throw new NotFoundException("该课程没有文件");
        }
        Resource resource = store.open(files.storeKey(c.file().id()), c.file().sizeBytes());
        return new Media(resource, c.file().mediaType(), c.file().fileName());
    }
}
