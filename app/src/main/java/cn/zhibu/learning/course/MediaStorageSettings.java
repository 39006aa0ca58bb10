package cn.zhibu.learning.course;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhibu.learning.storage.*} (env {@code ZHIBU_LEARNING_STORAGE_*}): where course media are kept and how large
 * an upload may be.
 * <ul>
 *   <li>{@code dir}: the directory of the file store (owner-only); empty: {@code <data-dir>/media};</li>
 *   <li>{@code endpoint}: an S3-compatible object store (MinIO, Ceph, OSS/COS S3 endpoints …) instead of the
 *       directory, with {@code region}, {@code bucket}, {@code access-key}, {@code secret-key} and
 *       {@code path-style} (true for most self-hosted stores);</li>
 *   <li>{@code max-video-bytes} 1 GiB, {@code max-audio-bytes} 300 MiB, {@code max-document-bytes} 50 MiB: uploads
 *       are streamed to disk and refused (413) as soon as they pass the limit of their course's kind; the API and the
 *       course page (its script sends the raw file) take files up to these limits, the page's multipart form without
 *       script up to {@code spring.servlet.multipart.max-file-size} (50 MB).</li>
 * </ul>
 */
@ConfigurationProperties("zhibu.learning.storage")
public record MediaStorageSettings(@DefaultValue("") String dir,
                                   @DefaultValue("") String endpoint,
                                   @DefaultValue("us-east-1") String region,
                                   @DefaultValue("") String bucket,
                                   @DefaultValue("") String accessKey,
                                   @DefaultValue("") String secretKey,
                                   @DefaultValue("true") boolean pathStyle,
                                   @DefaultValue("1073741824") long maxVideoBytes,
                                   @DefaultValue("314572800") long maxAudioBytes,
                                   @DefaultValue("52428800") long maxDocumentBytes) {

    public MediaStorageSettings {
        if (maxVideoBytes <= 0 || maxAudioBytes <= 0 || maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("zhibu.learning.storage 的文件大小上限应为正数");
        }
        if (!endpoint.isBlank() && bucket.isBlank()) {
            throw new IllegalArgumentException("zhibu.learning.storage.endpoint 已设置：请同时设置 bucket");
        }
    }

    /** Whether media go to an S3-compatible object store. */
    public boolean s3() {
        return !endpoint.isBlank();
    }

    /** The upload limit for a course of this kind (articles take no file). */
    public long maxBytes(CourseKind kind) {
        return switch (kind) {
            case VIDEO -> maxVideoBytes;
            case AUDIO -> maxAudioBytes;
            case DOCUMENT, ARTICLE -> maxDocumentBytes;
        };
    }
}
