package cn.zhibu.learning.classes;

import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;

/** How the classes part's audit entries read: 培训班, their sessions, enrolment and attendance. */
@Component
class ClassAuditVocabulary implements AuditVocabulary {

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(ClassAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of("learning_class", "培训班")
                        .field("title", "名称").field("place", "地点").field("startsOn", "开班日期")
                        .field("endsOn", "结业日期").field("concentrated", "集中培训")
                        .hidden("orgId").title("title"),
                AuditSubject.of("class_session", "培训课次")
                        .field("title", "课次").field("when", "时间").field("hours", "学时")
                        .field("meetingId", "组织生活会议").field("changed", "导入人数").hidden("classId"),
                AuditSubject.of("class_enrolment", "培训班学员")
                        .field("classTitle", "培训班").field("memberName", "党员").hidden("classId", "memberId")
                        .title("memberName"),
                AuditSubject.of("class_attendance", "培训出勤")
                        .field("classTitle", "培训班").field("session", "课次").field("memberName", "党员")
                        .field("checkedInAt", "签到时间").field("checkedInBy", "签到登记人")
                        .field("checkedInReason", "签到登记原因").field("checkedOutAt", "签退时间")
                        .field("checkedOutBy", "签退登记人").field("checkedOutReason", "签退登记原因")
                        .hidden("classId", "memberId").title("memberName"));
    }
}
