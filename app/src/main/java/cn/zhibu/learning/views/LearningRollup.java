package cn.zhibu.learning.views;

import java.util.List;

/**
 * A committee's year of learning, from the roll-up: itself (the whole subtree) and each child organization; the
 * required courses addressed to it one may choose to see completion of, and the chosen one (or null).
 */
public record LearningRollup(long orgId, String orgName, int year, LearningRollupRow total,
                             List<LearningRollupRow> children, List<RollupCourse> courses, RollupCourse course) {

    /** A required course addressed to the organization's members. */
    public record RollupCourse(long id, String title, java.time.LocalDate dueOn) {
    }
}
