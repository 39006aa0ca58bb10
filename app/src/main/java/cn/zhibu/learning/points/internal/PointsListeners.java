package cn.zhibu.learning.points.internal;

import cn.zhibu.learning.ClassCompletionChanged;
import cn.zhibu.learning.CourseCompleted;
import cn.zhibu.learning.ExamPassed;
import cn.zhibu.learning.points.PointsAction;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.platform.PlatformClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Task points from the other parts' events, in their transactions (RULES.md L1): a completed course (a required one
 * by its own rule), a passed exam, the day's quiz, a completed class (taken back when the class is no longer
 * completed). The course and exam ids are the sources, so each earns once.
 */
@Component
class PointsListeners {

    private final PointsService points;

    PointsListeners(PointsService points) {
        this.points = points;
    }

    @EventListener
    void on(CourseCompleted done) {
        points.grant(done.memberId(), done.required() ? PointsAction.REQUIRED_COURSE : PointsAction.COURSE_COMPLETED,
                done.courseId(), "课程编号" + done.courseId(), day(done.completedAt()));
    }

    @EventListener
    void on(ExamPassed passed) {
        if (passed.dailyQuiz()) {
            points.grant(passed.memberId(), PointsAction.DAILY_QUIZ, passed.attemptId(), day(passed.at()).toString(),
                    day(passed.at()));
        } else {
            points.grant(passed.memberId(), PointsAction.EXAM_PASSED, passed.examId(),
                    "考试编号" + passed.examId() + "，得分" + passed.score(), day(passed.at()));
        }
    }

    @EventListener
    void on(ClassCompletionChanged changed) {
        if (changed.completed()) {
            points.grant(changed.memberId(), PointsAction.CLASS_COMPLETED, changed.classId(), changed.title(),
                    changed.on());
        } else {
            points.revoke(changed.memberId(), PointsAction.CLASS_COMPLETED, changed.classId(),
                    "培训班“" + changed.title() + "”出勤更正后未达结业要求");
        }
    }

    private static LocalDate day(java.time.Instant at) {
        return at.atZone(PlatformClock.ZONE).toLocalDate();
    }
}
