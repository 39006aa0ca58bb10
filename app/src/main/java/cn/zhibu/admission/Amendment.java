package cn.zhibu.admission;

import java.time.Instant;
import java.util.List;

/** A correction of a recorded step: what each field was and became, why, by whom and when. */
public record Amendment(long id, long stepId, AdmissionStep step, List<Change> changes, String reason,
                        String amendedBy, Instant amendedAt) {

    public Amendment {
        changes = List.copyOf(changes);
    }

    /** One field corrected; {@code before} is what the record said until then (the original, for the first). */
    public record Change(String field, String label, String before, String after) {
    }
}
