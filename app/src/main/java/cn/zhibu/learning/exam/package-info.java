/**
 * 学习教育, exams part: question banks (single and multiple choice, true/false, fill-in; Excel import with a per-row
 * report), exams drawn at random per member by rules and timed by the server, daily quizzes, grading and review.
 * Named so the demo loader may create a bank, an exam and a quiz through these services; other parts of the learning
 * module see only the top-level {@link cn.zhibu.learning.PassedExams}.
 */
@org.springframework.modulith.NamedInterface("exam")
package cn.zhibu.learning.exam;
