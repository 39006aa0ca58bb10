package cn.zhibu.learning.course;

import java.time.Instant;

/** A course's stored media file: what its content is, its size, its SHA-256, and its length where the server read it. */
public record CourseFile(long id, String fileName, String kind, String mediaType, long sizeBytes, String sha256,
                         Integer mediaSeconds, String createdBy, Instant createdAt) {
}
