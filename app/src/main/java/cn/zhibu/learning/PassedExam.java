package cn.zhibu.learning;

import java.time.LocalDate;

/** An exam a member passed: its title, the score of the passing attempt, the pass mark and the day. */
public record PassedExam(long examId, String title, int score, int passMark, LocalDate passedOn) {
}
