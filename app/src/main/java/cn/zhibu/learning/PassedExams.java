package cn.zhibu.learning;

import java.util.List;

/**
 * The exams a member passed, for the transcript; implemented by the exams part. Callers take an
 * {@code ObjectProvider<PassedExams>} and treat a missing bean as no exams.
 */
public interface PassedExams {

    /** The exams first passed in {@code year} (by the day of the first passing attempt), in the order passed. */
    List<PassedExam> passed(long memberId, int year);
}
