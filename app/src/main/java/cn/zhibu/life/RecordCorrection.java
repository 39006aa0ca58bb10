package cn.zhibu.life;

import java.time.Instant;
import java.util.List;

/** A correction (更正) of a confirmed record: what each field was and became, why, by whom and when. */
public record RecordCorrection(long id, long meetingId, List<CorrectedField> changes, String reason, String amendedBy,
                               Instant amendedAt) {

    public RecordCorrection {
        changes = List.copyOf(changes);
    }

    /**
     * One field corrected; {@code before} is what the record said until then (the original, for the first correction
     * of the field). The minutes are sanitised HTML; resolutions and names one per line.
     */
    public record CorrectedField(String field, String label, String before, String after) {
    }
}
