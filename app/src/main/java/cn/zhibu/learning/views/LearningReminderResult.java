package cn.zhibu.learning.views;

/**
 * What a reminder did: members reminded now, and members already reminded today of everything they are behind on
 * (nothing sent again: one reminder a day per member and subject).
 */
public record LearningReminderResult(int reminded, int alreadyToday) {
}
