package cn.zhibu.learning.views;

import java.time.LocalDate;

/** A reminder a secretary sent to a member: what about ({@code subject}), the message, where it points, when. */
public record LearningReminderNote(String subject, String message, String link, LocalDate sentOn, String sentBy) {
}
