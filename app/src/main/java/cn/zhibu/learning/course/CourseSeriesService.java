package cn.zhibu.learning.course;

import cn.zhibu.learning.course.internal.CourseSeriesRows;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Series (专题) of courses, managed by the managers of their organization's subtree. */
@Service
@Transactional(readOnly = true)
public class CourseSeriesService {

    private static final String ENTITY = "course_series";
    public static final int MAX_LISTED = 500;

    private final CourseSeriesRows series;
    private final OrganizationService organizations;
    private final AuditLog audit;

    CourseSeriesService(CourseSeriesRows series, OrganizationService organizations, AuditLog audit) {
        this.series = series;
        this.organizations = organizations;
        this.audit = audit;
    }

    @Transactional
    public CourseSeries create(DataScope scope, Long orgId, String title, String summary) {
        requireManager(scope);
        if (orgId == null) {
            throw InvalidInputException.of("orgId", "请选择党组织");
        }
        Organization org = organizations.lockManaged(scope, orgId);
        String[] text = text(title, summary);
        long id = series.insert(org.id(), org.path().value(), org.rootId(), text[0], text[1], scope.actorName());
        CourseSeries created = series.find(id).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.SERIES_CREATED, ENTITY, id, created.orgPath(), null,
                snapshot(created));
        return created;
    }

    @Transactional
    public CourseSeries update(DataScope scope, long id, String title, String summary) {
        CourseSeries before = get(scope, id);
        String[] text = text(title, summary);
        series.update(id, text[0], text[1]);
        CourseSeries after = series.find(id).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.SERIES_UPDATED, ENTITY, id, after.orgPath(), snapshot(before),
                snapshot(after));
        return after;
    }

    public CourseSeries get(DataScope scope, long id) {
        requireManager(scope);
        return series.find(id).filter(s -> scope.managesMembersAt(s.orgPath()))
                .orElseThrow(() -> new NotFoundException("课程专题不存在或不在您的管理范围内"));
    }

    public List<CourseSeries> managed(DataScope scope) {
        requireManager(scope);
        return series.managed(scope, MAX_LISTED);
    }

    private static String[] text(String title, String summary) {
        FieldErrors errors = new FieldErrors();
        String t = TextKind.normalize(title);
        if (t == null || t.isEmpty()) {
            errors.reject("title", "请填写专题名称");
        } else if (TextKind.SHORT.problem("专题名称", t) != null) {
            errors.reject("title", TextKind.SHORT.problem("专题名称", t));
        }
        String s = TextKind.normalize(summary);
        if (s != null && s.isEmpty()) {
            s = null;
        } else if (s != null && TextKind.NOTE.problem("专题简介", s) != null) {
            errors.reject("summary", TextKind.NOTE.problem("专题简介", s));
        }
        errors.throwIfAny();
        return new String[]{t, s};
    }

    private static void requireManager(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以管理课程专题");
        }
    }

    private static Map<String, Object> snapshot(CourseSeries s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", s.orgId());
        m.put("title", s.title());
        if (s.summary() != null) {
            m.put("summary", s.summary());
        }
        return m;
    }
}
