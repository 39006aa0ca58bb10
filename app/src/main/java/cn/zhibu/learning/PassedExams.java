package cn.zhibu.learning;

import java.util.List;

/**
 * The exams a member passed in a year (implemented by the exams part); the transcript lists them. Callers take an
 * {@code ObjectProvider<PassedExams>} and treat a missing bean as none passed.
 */
public interface PassedExams {

    List<PassedExam> passed(long memberId, int year);
}
