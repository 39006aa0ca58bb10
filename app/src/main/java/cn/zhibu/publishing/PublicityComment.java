package cn.zhibu.publishing;

import java.time.Instant;

/**
 * An opinion on a 公示.
 *
 * @param authorName who wrote it; null when anonymous
 * @param mine       written by the caller
 */
public record PublicityComment(long id, long publicityId, String text, boolean anonymous, String authorName,
                               Instant createdAt, boolean mine) {
}
