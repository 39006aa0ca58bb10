package cn.zhibu.learning.study;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the study part's audit entries read: a session (started, ended, taken over) and a completion. */
@Component
class StudyAuditVocabulary implements AuditVocabulary {

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(StudyAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of("study_session", "在线学习")
                .field("courseId", "课程编号")
                .field("course", "课程")
                .field("device", "设备")
                .field("takenOver", "结束的其他设备上的学习")
                .field("creditedSeconds", "本次计时（秒）")
                .field("courseCredited", "课程累计计时（秒）")
                .field("hours", "学时")
                .hidden("memberId")
                .title("course", "device"));
    }
}
