package cn.zhibu.learning.course;

import cn.zhibu.learning.course.internal.CourseRows;
import cn.zhibu.learning.course.internal.CourseSeriesRows;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.RichText;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Courses: managers (书记, 组织管理员) create drafts for an organization in their subtree, edit them, publish and
 * withdraw them; members read the published courses addressed to them (published to their organization or an
 * ancestor, or to everyone). A course published to everyone comes from a root organization, by one who manages that
 * root (or an administrator). Anything else — another branch's course, a draft, a withdrawn course for a member — is
 * 404, the same answer as a course that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class CourseService {

    static final String ENTITY = "course";
    static final String NOT_FOUND = "课程不存在或不在您的查看范围内";
    public static final int MAX_MY_COURSES = 500;

    private final CourseRows courses;
    private final CourseSeriesRows series;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final Clock clock;

    CourseService(CourseRows courses, CourseSeriesRows series, OrganizationService organizations, AuditLog audit,
                  Clock clock) {
        this.courses = courses;
        this.series = series;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Course create(DataScope scope, CourseDraft draft) {
        requireManager(scope);
        if (draft.orgId() == null) {
            throw InvalidInputException.of("orgId", "请选择发布课程的党组织");
        }
        Organization org = organizations.lockManaged(scope, draft.orgId());
        FieldErrors errors = new FieldErrors();
        if (!org.active()) {
            errors.reject("orgId", "“" + org.name() + "”已撤销，不能发布课程");
        }
        CourseRows.Fields fields = fields(scope, org, draft, null, errors);
        errors.throwIfAny();
        long id = courses.insert(org.id(), org.path().value(), org.rootId(), fields, scope.actorName());
        Course created = courses.find(id).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.CREATED, ENTITY, id, created.orgPath(), null, snapshot(created));
        return created;
    }

    /** Edits a draft (a published course is withdrawn and a new one made, so no one's progress changes under them). */
    @Transactional
    public Course update(DataScope scope, long id, CourseDraft draft) {
        Course before = lockManaged(scope, id);
        if (before.status() != CourseStatus.DRAFT) {
            throw InvalidInputException.of("status", "只有草稿可以修改；课程“" + before.title() + "”" + before.statusLabel());
        }
        Organization org = organizations.get(DataScope.system("课程"), before.orgId());
        FieldErrors errors = new FieldErrors();
        if (draft.orgId() != null && draft.orgId() != before.orgId()) {
            errors.reject("orgId", "课程的发布组织不能更改");
        }
        if (draft.kind() != null && draft.kind() != before.kind() && before.file() != null) {
            errors.reject("kind", "已上传文件的课程不能更改类型");
        }
        CourseRows.Fields fields = fields(scope, org, draft, before, errors);
        errors.throwIfAny();
        courses.update(id, fields);
        Course after = courses.find(id).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.UPDATED, ENTITY, id, after.orgPath(), snapshot(before),
                snapshot(after));
        return after;
    }

    @Transactional
    public Course publish(DataScope scope, long id) {
        Course c = lockManaged(scope, id);
        if (c.status() == CourseStatus.PUBLISHED) {
            return c;
        }
        if (c.status() == CourseStatus.WITHDRAWN) {
            throw InvalidInputException.of("status", "课程已撤回，不能再次发布");
        }
        FieldErrors errors = new FieldErrors();
        if (c.kind() == CourseKind.ARTICLE && RichText.blank(c.bodyHtml())) {
            errors.reject("bodyHtml", "请先填写课程正文");
        }
        if (c.kind().takesFile() && c.file() == null) {
            errors.reject("file", "请先上传课程" + c.kind().label() + "文件");
        }
        if (c.kind().timed() && c.file() != null && c.mediaSeconds() == null) {
            errors.reject("mediaSeconds", "无法从文件读出时长，请填写" + c.kind().label() + "时长");
        }
        checkAudience(scope, organizations.get(DataScope.system("课程"), c.orgId()), c.audience(), errors);
        if (c.dueOn() != null && c.dueOn().isBefore(LocalDate.now(clock))) {
            errors.reject("dueOn", "完成期限（" + c.dueOn() + "）已过，请修改后再发布");
        }
        errors.throwIfAny();
        courses.setStatus(id, CourseStatus.PUBLISHED);
        Course after = courses.find(id).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.PUBLISHED, ENTITY, id, c.orgPath(), snapshot(c), snapshot(after));
        return after;
    }

    /** Withdraws a published course: no longer offered; completions already credited stay. */
    @Transactional
    public Course withdraw(DataScope scope, long id) {
        Course c = lockManaged(scope, id);
        if (c.status() != CourseStatus.PUBLISHED) {
            throw InvalidInputException.of("status", "只有已发布的课程可以撤回；课程“" + c.title() + "”" + c.statusLabel());
        }
        courses.setStatus(id, CourseStatus.WITHDRAWN);
        Course after = courses.find(id).orElseThrow();
        audit.record(scope, LearningCourseAuditAction.WITHDRAWN, ENTITY, id, c.orgPath(), snapshot(c), snapshot(after));
        return after;
    }

    /** A course the caller manages or that is addressed to them; else 404. */
    public Course get(DataScope scope, long id) {
        return courses.find(id).filter(c -> manages(scope, c) || addressedTo(scope, c))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** A course the caller manages; else 404 (403 for one who manages nothing). */
    public Course getManaged(DataScope scope, long id) {
        requireManager(scope);
        return courses.find(id).filter(c -> manages(scope, c)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    public boolean manages(DataScope scope, Course c) {
        return scope.managesMembersAt(c.orgPath());
    }

    /** Published, and to everyone or to the caller's own organization or an ancestor of it. */
    public boolean addressedTo(DataScope scope, Course c) {
        return c.status() == CourseStatus.PUBLISHED && scope.selfMemberId() != null && scope.selfOrgPath() != null
                && (c.audience() == CourseAudience.EVERYONE || scope.selfOrgPath().value().startsWith(c.orgPath()));
    }

    public CoursePage managed(DataScope scope, CourseFilter filter, int page, int size) {
        requireManager(scope);
        Paging paging = Paging.of(page, size);
        return new CoursePage(courses.managed(scope, filter, paging), courses.countManaged(scope, filter), page, size);
    }

    /** The published courses addressed to the caller's own member record, with their progress (none: empty). */
    public List<MyCourse> mine(DataScope scope) {
        if (scope.selfMemberId() == null || scope.selfOrgPath() == null) {
            return List.of();
        }
        return courses.addressedTo(scope.selfMemberId(), prefixes(scope.selfOrgPath()), MAX_MY_COURSES);
    }

    /** The caller's progress on a course addressed to them, if they studied it. */
    public Optional<MyCourse> myProgress(DataScope scope, Course c) {
        return scope.selfMemberId() == null ? Optional.empty() : courses.progress(scope.selfMemberId(), c);
    }

    /** A member's path and its ancestors' ("/1/", "/1/23/", "/1/23/456/"): the courses published to any reach them. */
    static List<String> prefixes(TreePath path) {
        List<String> prefixes = new ArrayList<>();
        TreePath p = null;
        for (long id : path.ids()) {
            p = p == null ? TreePath.root(id) : p.child(id);
            prefixes.add(p.value());
        }
        return prefixes;
    }

    Course lockManaged(DataScope scope, long id) {
        requireManager(scope);
        return courses.lock(id).filter(c -> manages(scope, c)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    private static void requireManager(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以管理课程");
        }
    }

    /** EVERYONE only from a root organization, by one who manages that root, or by an administrator. */
    private static void checkAudience(DataScope scope, Organization org, CourseAudience audience, FieldErrors errors) {
        if (audience == CourseAudience.EVERYONE && !scope.all()
                && (org.parentId() != null || !scope.managesMembersAt(org.path().value()))) {
            errors.reject("audience", "只有最上级党组织的管理者可以向全体党员发布课程；请选择“本组织及下级党员”");
        }
    }

    private CourseRows.Fields fields(DataScope scope, Organization org, CourseDraft d, Course before,
                                     FieldErrors errors) {
        String title = TextKind.normalize(d.title());
        if (title == null || title.isEmpty()) {
            errors.reject("title", "请填写课程标题");
        } else if (TextKind.SHORT.problem("课程标题", title) != null) {
            errors.reject("title", TextKind.SHORT.problem("课程标题", title));
        }
        String summary = TextKind.normalize(d.summary());
        if (summary != null && summary.isEmpty()) {
            summary = null;
        } else if (summary != null && TextKind.NOTE.problem("课程简介", summary) != null) {
            errors.reject("summary", TextKind.NOTE.problem("课程简介", summary));
        }
        CourseKind kind = d.kind() != null ? d.kind() : before == null ? null : before.kind();
        if (kind == null) {
            errors.reject("kind", "请选择课程类型");
        }
        String body = null;
        if (kind == CourseKind.ARTICLE) {
            body = RichText.sanitize(d.bodyHtml());
            if (body.length() > 200_000) {
                errors.reject("bodyHtml", "课程正文不能超过20万个字符");
            }
        }
        String hoursProblem = CourseRules.hoursRange(d.hours());
        if (hoursProblem != null) {
            errors.reject("hours", hoursProblem);
        }
        Integer media = null;
        if (kind != null && kind.timed()) {
            Integer read = before == null || before.file() == null ? null : before.file().mediaSeconds();
            if (read != null) {
                media = read; // the server's reading of the file wins over a stated length
            } else if (d.statedSeconds() != null) {
                if (d.statedSeconds() < 1 || d.statedSeconds() > 100 * 3600) {
                    errors.reject("mediaSeconds", "时长应在1秒至100小时之间");
                } else {
                    media = d.statedSeconds();
                }
            }
            if (hoursProblem == null && media != null && CourseRules.hoursProblem(d.hours(), media) != null) {
                errors.reject("hours", CourseRules.hoursProblem(d.hours(), media));
            }
        }
        if (d.dueOn() != null && d.dueOn().isBefore(LocalDate.now(clock))) {
            errors.reject("dueOn", "完成期限不能早于今天");
        }
        if (d.required() && d.dueOn() == null) {
            errors.reject("dueOn", "必修课程请填写完成期限");
        }
        CourseAudience audience = d.audience() == null ? CourseAudience.SUBTREE : d.audience();
        checkAudience(scope, org, audience, errors);
        if (d.seriesId() != null) {
            series.find(d.seriesId()).filter(s -> scope.managesMembersAt(s.orgPath())).ifPresentOrElse(s -> {
                if (!s.orgPath().equals(org.path().value()) && !org.path().contains(s.orgPath())
                        && !new TreePath(s.orgPath()).contains(org.path())) {
                    errors.reject("seriesId", "所选专题不属于本组织或其上下级组织");
                }
            }, () -> errors.reject("seriesId", "课程专题不存在或不在您的管理范围内"));
        }
        int order = d.seriesOrder() == null ? 0 : d.seriesOrder();
        if (order < 0 || order > 10_000) {
            errors.reject("seriesOrder", "专题内序号应在0至10000之间");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new CourseRows.Fields(d.seriesId(), order, title, summary, kind, body, media, d.hours(),
                CourseRules.creditSeconds(d.hours(), media), d.required(), d.dueOn(), audience);
    }

    static Map<String, Object> snapshot(Course c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", c.orgId());
        m.put("title", c.title());
        m.put("kind", c.kind().name());
        m.put("hours", c.hours());
        m.put("creditSeconds", c.creditSeconds());
        if (c.mediaSeconds() != null) {
            m.put("mediaSeconds", c.mediaSeconds());
        }
        m.put("required", c.required());
        if (c.dueOn() != null) {
            m.put("dueOn", c.dueOn().toString());
        }
        m.put("audience", c.audience().name());
        m.put("status", c.status().name());
        if (c.seriesId() != null) {
            m.put("seriesId", c.seriesId());
        }
        if (c.file() != null) {
            m.put("file", c.file().fileName());
            m.put("sha256", c.file().sha256());
        }
        return m;
    }
}
