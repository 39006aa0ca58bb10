package cn.zhibu.learning.exam;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the exams part's audit entries read. */
@Component
class ExamAuditVocabulary implements AuditVocabulary {

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(ExamAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of("question_bank", "题库").field("name", "名称").field("description", "说明")
                        .field("imported", "导入试题数").title("name"),
                AuditSubject.of("question", "试题").field("kind", "题型").field("topic", "知识点").field("stem", "题干")
                        .field("score", "分值").hidden("bankId").title("stem"),
                AuditSubject.of("exam", "考试").field("title", "名称").field("status", "状态").field("opensAt", "开始时间")
                        .field("closesAt", "结束时间").field("timeLimitMinutes", "限时（分钟）").field("maxAttempts", "答题次数")
                        .field("passMark", "及格分").field("daily", "每日一练").title("title"),
                AuditSubject.of("exam_attempt", "答题").field("score", "得分").field("passed", "及格")
                        .field("submittedAt", "交卷时间").hidden("examId", "memberId"));
    }
}
