package cn.zhibu.learning.course;

import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditAction;
import cn.zhibu.platform.AuditSubject;
import cn.zhibu.platform.AuditVocabulary;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** How the courses part's audit entries read: courses and their series. */
@Component
class LearningCourseAuditVocabulary implements AuditVocabulary {

    private final OrganizationService organizations;

    LearningCourseAuditVocabulary(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public List<? extends AuditAction> actions() {
        return List.of(LearningCourseAuditAction.values());
    }

    @Override
    public List<AuditSubject> subjects() {
        return List.of(
                AuditSubject.of("course", "课程")
                        .field("orgId", "发布组织", raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null)
                        .field("title", "标题")
                        .field("kind", "类型", CourseKind.class, CourseKind::label)
                        .field("hours", "学时")
                        .field("creditSeconds", "需学习时间（秒）")
                        .field("mediaSeconds", "媒体时长（秒）")
                        .field("required", "必修")
                        .field("dueOn", "完成期限")
                        .field("audience", "发布范围", CourseAudience.class, CourseAudience::label)
                        .field("status", "状态", CourseStatus.class, CourseStatus::label)
                        .field("file", "文件")
                        .field("sha256", "SHA-256")
                        .hidden("seriesId")
                        .title("title"),
                AuditSubject.of("course_series", "课程专题")
                        .field("orgId", "党组织", raw -> raw instanceof Number n ? organizations.describe(n.longValue()).name() : null)
                        .field("title", "名称")
                        .field("summary", "简介")
                        .title("title"));
    }
}
