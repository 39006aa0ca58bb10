package cn.zhibu.learning.views;

import java.math.BigDecimal;

/**
 * One organization over its subtree for a year: members in the registry (now), members who studied, 学时 in total and
 * per member, members who met their target and their share, and the completions of the chosen course (null when no
 * course is chosen) with their share of the members.
 */
public record LearningRollupRow(long orgId, String name, String typeLabel, boolean hasChildren, long members,
                                long studied, BigDecimal hours, BigDecimal hoursPerMember, long met,
                                BigDecimal metPercent, Long courseDone, BigDecimal coursePercent) {
}
