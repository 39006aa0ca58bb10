package cn.zhibu.learning.points;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the ledger.
 *
 * @param requested what the rule or the secretary asked
 * @param points    what was applied within the category's bounds (0 when the category was already at its bound)
 * @param reverses  the entry this one reverses; null for others
 * @param reversed  a later entry reverses this one
 */
public record PointsEntry(long id, long memberId, int year, PointsCategory category, int requested, int points,
                          String reason, String sourceKind, long sourceId, int occurrence, Long reverses, boolean reversed,
                          LocalDate earnedOn, String recordedBy, Instant recordedAt) {

    public String categoryLabel() {
        return category.label();
    }

    /** The secretary's own entries (a deduction or a reward) may be reversed by hand; the others follow their source. */
    public boolean manual() {
        return PointsService.MANUAL.equals(sourceKind);
    }
}
