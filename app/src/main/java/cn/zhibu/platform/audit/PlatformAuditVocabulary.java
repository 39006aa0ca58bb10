package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import cn.zhibu.platform.CalendarDayKind;
import org.springframework.stereotype.Component;

import java.util.List;

/** The platform's own entries: the holiday calendar, 身份证号 hits, exports of the audit log. */
@Component
class PlatformAuditVocabulary implements AuditVocabulary {

    static final String AUDIT_EXPORT = "audit_export";

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(PlatformAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of("calendar_day", "节假日安排")
                        .field("day", "日期")
                        .field("kind", "安排", CalendarDayKind.class, CalendarDayKind::label)
                        .field("name", "名称")
                        .title("day"),
                AuditSubject.of("dataset", "数据集")
                        .field("members", "党员数")
                        .field("organizations", "党组织数")
                        .field("seed", "随机种子"),
                AuditSubject.of(AUDIT_EXPORT, "审计日志导出")
                        .field("rows", "导出条数")
                        .field("filter", "筛选条件"),
                // fields several modules' entries record (a 身份证号 hit is written on a member or a 发展党员 case)
                AuditSubject.of(AuditSubject.ANY, "")
                        .field("operation", "查重时的操作")
                        .field("idNumber", "身份证号")
                        .field("withinCallerScope", "在本人管理范围内")
                        .field("answered", "答复"));
    }
}
