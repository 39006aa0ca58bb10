package cn.zhibu.admission;

import java.time.Instant;

/** A file kept with a case, optionally for one of its steps (its content is read separately). */
public record CaseDocument(long id, long caseId, Long stepId, String name, String contentType, int sizeBytes,
                           String sm3, String uploadedBy, Instant uploadedAt) {

    /** "12.3 KB" */
    public String sizeLabel() {
        return sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", sizeBytes / 1048576.0)
                : String.format("%.1f KB", sizeBytes / 1024.0);
    }
}
