package cn.zhibu.learning.exam.internal;

import cn.zhibu.learning.PassedExam;
import cn.zhibu.learning.PassedExams;
import org.springframework.stereotype.Component;

import java.util.List;

/** The transcript's exams: those a member first passed in the year (daily quizzes are not exams). */
@Component
class PassedExamRecords implements PassedExams {

    private final ExamRecords records;

    PassedExamRecords(ExamRecords records) {
        this.records = records;
    }

    @Override
    public List<PassedExam> passed(long memberId, int year) {
        return records.passed(memberId, year);
    }
}
