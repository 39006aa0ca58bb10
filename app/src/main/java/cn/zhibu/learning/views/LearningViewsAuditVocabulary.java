package cn.zhibu.learning.views;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the learning views' audit entries read: reminders sent to members behind. */
@Component
class LearningViewsAuditVocabulary implements AuditVocabulary {

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(LearningViewsAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of("learning_reminder", "督学提醒")
                .field("org", "党组织")
                .field("reminded", "提醒人数")
                .field("alreadyToday", "今日已提醒过")
                .field("names", "党员")
                .title("org", "reminded"));
    }
}
