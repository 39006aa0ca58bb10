package cn.zhibu.dues;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the dues views' audit entries read: a month's justification of unpaid dues (F8). */
@Component
class DuesViewsAuditVocabulary implements AuditVocabulary {

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(DuesViewsAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of("dues_justification", "未交党费的正当理由")
                .field("name", "党员")
                .field("month", "月份")
                .field("reason", "理由")
                .title("name", "month"));
    }
}
