package cn.zhibu.learning.views;

import java.util.List;

/**
 * A member's learning: the required courses due (soonest first, overdue marked), how many courses they completed this
 * year, their 学时 against the year's target, the reminders their secretary sent lately, and the parts' pages.
 */
public record LearningMine(long memberId, String name, long orgId, String orgName, List<LearningDueCourse> due,
                           int completedThisYear, LearningHoursStanding hours, List<LearningReminderNote> reminders,
                           List<LearningLink> links) {
}
