package cn.zhibu.life;

import java.time.Instant;

/**
 * A file or photo kept with a meeting's record.
 *
 * @param kind  what its content is (PDF 文件, JPG 图片 …), never what its name says
 * @param photo a JPEG or PNG picture
 * @param sm3   the SM3 digest of the content, in hex
 */
public record RecordFile(long id, long meetingId, String name, String contentType, String kind, boolean photo,
                         int sizeBytes, String sm3, String uploadedBy, Instant uploadedAt) {
}
