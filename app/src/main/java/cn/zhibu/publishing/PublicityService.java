package cn.zhibu.publishing;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Pseudonyms;
import cn.zhibu.platform.WorkingDays;
import cn.zhibu.publishing.internal.PublicityRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 公示: an organization publishes a notice for a number of working days (counted by the holiday calendar); members
 * of its subtree, and those who manage it, may comment while it is open; those who manage it may withdraw it before
 * it ends. Who may see one: the managers of the publishing organization's subtree, and the members of that subtree
 * (a member sees the notices of their own organization and its ancestors). Others get 404, as for any record out of
 * scope.
 * <p>
 * A 公示 may be about a subject ({@code subjectType}, {@code subjectId}) of a type some module contributes
 * ({@link PublicitySubject}); the subject must exist, lie in the publisher's scope, and belong to the publishing
 * organization or one below it (a 党委 may publish about a case of one of its branches, a branch not about another's).
 * An unknown or out-of-scope id gets the same answer as one that does not exist.
 * <p>
 * Anonymous comments: no record links them to their author. The row holds no user id or name, only the author's
 * pseudonym for this 公示 ({@link Pseudonyms}: HMAC-SM3 under a key that is not in the database), which keeps one
 * comment per person and lets the author find their own; the audit entry names the anonymous actor.
 */
@Service
@Transactional(readOnly = true)
public class PublicityService {

    public static final int MAX_WORKING_DAYS = 30;
    public static final int TITLE_LIMIT = 100;
    public static final int BODY_LIMIT = 5000;
    public static final int COMMENT_LIMIT = 1000;
    public static final int REASON_LIMIT = 200;
    private static final String ENTITY = "publicity";
    private static final String NOT_FOUND = "公示不存在或不在您的查看范围内";
    /** The context of a comment author's pseudonym: one per person and 公示 (the V16 migration uses the same). */
    static final String COMMENT_AUTHOR = "publicity-comment";

    private final PublicityRecords records;
    private final OrganizationService organizations;
    private final WorkingDays workingDays;
    private final Pseudonyms pseudonyms;
    private final AuditLog audit;
    private final Map<String, PublicitySubject> subjects;

    PublicityService(PublicityRecords records, OrganizationService organizations, WorkingDays workingDays,
                     Pseudonyms pseudonyms, AuditLog audit, List<PublicitySubject> subjects) {
        this.records = records;
        this.organizations = organizations;
        this.workingDays = workingDays;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
        this.subjects = subjects.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                PublicitySubject::type, s -> s));
    }

    @Transactional
    public Publicity publish(DataScope scope, PublicityDraft draft) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以发布公示");
        }
        if (draft.orgId() <= 0) {
            throw InvalidInputException.of("orgId", "请选择发布公示的党组织");
        }
        // the organization's row is share-locked: a move of it waits, so the path stored here stays right
        Organization org = organizations.lockManaged(scope, draft.orgId());
        LocalDate today = LocalDate.now();
        FieldErrors errors = new FieldErrors();
        if (!org.active()) {
            errors.reject("orgId", "“" + org.name() + "”已撤销，不能发布公示");
        }
        String title = text(errors, "title", draft.title(), TITLE_LIMIT, "请填写公示标题", "公示标题");
        String body = text(errors, "body", draft.body(), BODY_LIMIT, "请填写公示内容", "公示内容");
        if (draft.startsOn() == null) {
            errors.reject("startsOn", "请填写公示开始日期");
        } else if (draft.startsOn().isBefore(today)) {
            errors.reject("startsOn", "公示开始日期不能早于今天（" + today + "）");
        } else if (draft.startsOn().isAfter(today.plusYears(1))) {
            errors.reject("startsOn", "公示开始日期不能晚于一年以后");
        }
        if (draft.workingDays() < 1 || draft.workingDays() > MAX_WORKING_DAYS) {
            errors.reject("workingDays", "公示期应为1至" + MAX_WORKING_DAYS + "个工作日");
        }
        String subjectType = draft.subjectType() == null || draft.subjectType().isBlank() ? null
                : draft.subjectType().strip();
        if ((subjectType == null) != (draft.subjectId() == null)) {
            errors.reject("subjectType", "关联对象的类型和编号应同时填写或同时不填");
        } else if (subjectType != null) {
            checkSubject(scope, org, subjectType, draft.subjectId(), errors);
        }
        errors.throwIfAny();
        LocalDate endsOn = workingDays.lastDayOfPeriod(draft.startsOn(), draft.workingDays());
        long id = records.insert(org.id(), org.path(), org.rootId(), title, body, draft.startsOn(), endsOn,
                draft.workingDays(), subjectType, draft.subjectId(), scope.actorName());
        Publicity published = records.find(id, today).orElseThrow();
        audit.record(scope, PublishingAuditAction.PUBLISHED, ENTITY, id, org.path().value(), null, snapshot(published));
        return published;
    }

    /**
     * The subject must be of a known type, exist within the caller's scope (an id that does not exist gets the same
     * answer as one elsewhere), and belong to the publishing organization or one below it.
     */
    private void checkSubject(DataScope scope, Organization org, String type, long id, FieldErrors errors) {
        PublicitySubject kind = subjects.get(type);
        if (kind == null) {
            errors.reject("subjectType", "关联对象类型“" + (type.length() > 50 ? type.substring(0, 50) + "…" : type)
                    + "”不存在，可用的类型：" + String.join("、", new java.util.TreeSet<>(subjects.keySet())));
            return;
        }
        Optional<String> path = kind.orgPathInScope(scope, id);
        if (path.isEmpty()) {
            errors.reject("subjectId", "关联对象不存在或不在您的管理范围内");
        } else if (!org.path().contains(path.get())) {
            errors.reject("subjectId", "关联对象不属于发布公示的党组织“" + org.name() + "”及其下级组织");
        }
    }

    /** The 公示, if the caller may see it. */
    public Optional<Publicity> find(DataScope scope, long id) {
        return records.find(id, LocalDate.now()).filter(p -> sees(scope, p));
    }

    /** The 公示, or 404 when it does not exist or is out of the caller's view. */
    public Publicity get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The 公示 about one subject (newest first) that the caller may see. */
    public List<Publicity> forSubject(DataScope scope, String subjectType, long subjectId) {
        if (subjectType == null || subjectType.isBlank()) {
            throw InvalidInputException.of("subjectType", "请指定关联对象类型");
        }
        return records.forSubject(subjectType.strip(), subjectId, LocalDate.now()).stream()
                .filter(p -> sees(scope, p)).toList();
    }

    /** The 公示 the caller may see, newest first, optionally only those in one state today. */
    public PublicityPage list(DataScope scope, PublicityStatus status, int page, int size) {
        Paging paging = Paging.of(page, size);
        LocalDate today = LocalDate.now();
        long total = records.countVisible(scope, status, today);
        return new PublicityPage(records.visible(scope, status, today, paging.size(), paging.offset()), total,
                paging.page(), paging.size());
    }

    /** 公示 open today that the caller may see, the newest first, at most {@code limit} (the inbox's). */
    public List<Publicity> openNow(DataScope scope, int limit) {
        return records.visible(scope, PublicityStatus.OPEN, LocalDate.now(), limit, 0);
    }

    /** The caller has already given their opinion on this 公示 (one each). */
    public boolean commentedBy(DataScope scope, long id) {
        return records.hasCommentBy(id, authorKey(id, scope));
    }

    @Transactional
    public Publicity withdraw(DataScope scope, long id, String reason) {
        LocalDate today = LocalDate.now();
        Publicity p = records.findForUpdate(id, today).filter(x -> sees(scope, x))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!manages(scope, p)) {
            throw new ForbiddenException("只有发布公示的党组织（或其上级）的书记、组织管理员可以撤回公示");
        }
        if (p.withdrawn()) {
            throw InvalidInputException.of("", "该公示已经撤回");
        }
        if (p.endedOn(today)) {
            throw InvalidInputException.of("", "公示期已于" + p.endsOn() + "结束，不能撤回");
        }
        FieldErrors errors = new FieldErrors();
        String why = text(errors, "reason", reason, REASON_LIMIT, "请填写撤回原因", "撤回原因");
        errors.throwIfAny();
        records.withdraw(id, scope.actorName(), why);
        Publicity after = records.find(id, today).orElseThrow();
        audit.record(scope, PublishingAuditAction.WITHDRAWN, ENTITY, id, p.orgPath(), snapshot(p), snapshot(after));
        return after;
    }

    /**
     * An opinion on an open 公示, by a member of the publishing organization's subtree or a manager of it. Anonymous
     * comments are shown to managers without the author's name.
     */
    @Transactional
    public PublicityComment comment(DataScope scope, long id, String text, boolean anonymous) {
        LocalDate today = LocalDate.now();
        Publicity p = records.findForUpdate(id, today).filter(x -> sees(scope, x))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        refuseOutsideWindow(p, today);
        FieldErrors errors = new FieldErrors();
        String body = text(errors, "text", text, COMMENT_LIMIT, "请填写意见内容", "意见内容");
        errors.throwIfAny();
        byte[] author = authorKey(id, scope);
        // the 公示's row is locked (above): two comments of one person cannot both pass this check
        if (records.hasCommentBy(id, author)) {
            throw InvalidInputException.of("text", "您已对该公示提出过意见，每人限提一次；如需补充，请直接向发布公示的党组织反映");
        }
        String name = anonymous ? null : scope.actorName();
        long commentId = records.addComment(id, body, anonymous, author, anonymous ? null : scope.actorId(), name);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("publicityId", id);
        what.put("anonymous", anonymous);
        what.put("text", body);
        // an anonymous opinion is recorded by the anonymous actor: no entry anywhere names its author
        audit.record(anonymous ? DataScope.anonymous() : scope, PublishingAuditAction.COMMENTED, "publicity_comment", commentId,
                p.orgPath(), null, what);
        return new PublicityComment(commentId, id, body, anonymous, name, Instant.now(), true);
    }

    /** The comments the caller may read: all of them for a manager of the publishing organization, else their own. */
    public List<PublicityComment> comments(DataScope scope, long id) {
        Publicity p = get(scope, id);
        return records.comments(id, authorKey(id, scope), !manages(scope, p));
    }

    /** The caller manages the publishing organization's subtree: sees every comment, may withdraw. */
    public boolean manages(DataScope scope, Publicity p) {
        return scope.managesMembersAt(p.orgPath());
    }

    /** The caller may comment on this 公示 today. */
    public boolean takesCommentsFrom(DataScope scope, Publicity p) {
        return sees(scope, p) && p.openOn(LocalDate.now());
    }

    private static void refuseOutsideWindow(Publicity p, LocalDate today) {
        if (p.withdrawn()) {
            throw InvalidInputException.of("", "该公示已撤回，不再接受意见");
        }
        if (today.isBefore(p.startsOn())) {
            throw InvalidInputException.of("", "公示将于" + p.startsOn() + "开始，开始后才能提出意见");
        }
        if (today.isAfter(p.endsOn())) {
            throw InvalidInputException.of("", "公示期已于" + p.endsOn() + "结束，不能再提出意见");
        }
    }

    /**
     * Managers of the publishing organization's subtree, and members whose organization lies in that subtree (the
     * notice is addressed to them: their own organization or an ancestor published it).
     */
    private static boolean sees(DataScope scope, Publicity p) {
        return scope.managesMembersAt(p.orgPath())
                || (scope.selfOrgPath() != null && scope.selfOrgPath().value().startsWith(p.orgPath()));
    }

    /** The caller's pseudonym for this 公示: one comment each, and each finds their own. */
    private byte[] authorKey(long publicityId, DataScope scope) {
        return pseudonyms.of(COMMENT_AUTHOR, publicityId, scope.actorId());
    }

    private static String text(FieldErrors errors, String field, String value, int limit, String missing,
                               String label) {
        if (value == null || value.isBlank()) {
            errors.reject(field, missing);
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > limit) {
            errors.reject(field, label + "不能超过" + limit + "字（现有" + stripped.length() + "字）");
        }
        return stripped;
    }

    private static Map<String, Object> snapshot(Publicity p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("orgId", p.orgId());
        s.put("title", p.title());
        s.put("body", p.body());
        s.put("startsOn", p.startsOn().toString());
        s.put("endsOn", p.endsOn().toString());
        s.put("workingDays", p.workingDays());
        s.put("subjectType", p.subjectType());
        s.put("subjectId", p.subjectId());
        s.put("withdrawnBy", p.withdrawnBy());
        s.put("withdrawReason", p.withdrawReason());
        return s;
    }
}
