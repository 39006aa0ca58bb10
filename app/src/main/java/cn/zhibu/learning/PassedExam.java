package cn.zhibu.learning;

import java.time.LocalDate;

/**
 * An exam a member passed (daily quizzes are not exams): its best score, its pass mark and the day of the first
 * passing attempt (the transcript lists it in that day's study year).
 */
public record PassedExam(long examId, String title, int score, int passMark, LocalDate passedOn) {
}
