package cn.zhibu.learning.exam.web;

/** What the exams part's controllers share. */
final class ExamPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ExamPages() {
    }
}
