package cn.zhibu.platform.jobs;

import java.time.Instant;
import java.util.UUID;

/** A background_job row as read, with the scope and the module's record still as JSON. */
public record JobRow(UUID id, String kind, long ownerId, String scopeJson, String state, long progress, long total,
                     String message, String detailJson, String node, long peakHeapMb, Instant createdAt,
                     Instant updatedAt, Instant finishedAt) {
}
