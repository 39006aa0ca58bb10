package cn.zhibu.learning.points;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the points part's audit entries read. */
@Component
class PointsAuditVocabulary implements AuditVocabulary {

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(PointsAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(AuditSubject.of("points_entry", "党员积分")
                .field("memberName", "党员").field("year", "年度").field("category", "类别")
                .field("requested", "申请分值").field("points", "计入分值").field("reason", "理由")
                .field("reverses", "冲正的记录").hidden("memberId").title("memberName"));
    }
}
