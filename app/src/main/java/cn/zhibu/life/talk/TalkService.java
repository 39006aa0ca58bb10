package cn.zhibu.life.talk;

import cn.zhibu.life.roster.BranchRoster;
import cn.zhibu.life.roster.RosterMember;
import cn.zhibu.life.talk.internal.TalkRecords;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 谈心谈话 (B11): who talked with whom, when and about what. A talk is recorded by those who manage the branch, or by
 * either of the two members (for their own talk); both must be members of the branch. Those who manage the branch see
 * all its talks and the year's coverage ({@link TalkCoverageReader}); a member sees the talks they were in. A wrong
 * record is deleted (by those who manage the branch or whoever recorded it) and recorded again; both are audited.
 */
@Service
@Transactional(readOnly = true)
public class TalkService {

    static final String ENTITY = "life_talk";
    private static final String NOT_FOUND = "谈心谈话记录不存在或不在您的查看范围内";

    private final TalkRecords records;
    private final OrganizationService organizations;
    private final BranchRoster roster;
    private final AuditLog audit;

    TalkService(TalkRecords records, OrganizationService organizations, BranchRoster roster, AuditLog audit) {
        this.records = records;
        this.organizations = organizations;
        this.roster = roster;
        this.audit = audit;
    }

    @Transactional
    public Talk record(DataScope scope, TalkDraft draft) {
        Organization branch = branchFor(scope, draft.orgId());
        boolean manages = scope.managesMembersAt(branch.path().value());
        Long first = draft.memberId();
        Long second = draft.otherId();
        if (!manages) {
            Long self = scope.selfMemberId();
            if (first == null && !Objects.equals(second, self)) {
                first = self;
            }
            if (!Objects.equals(first, self) && !Objects.equals(second, self)) {
                throw new ForbiddenException("党员只能记录本人参加的谈心谈话，其他谈话请由党支部记录");
            }
        } else {
            branch = organizations.lockManaged(scope, branch.id());
        }
        Map<Long, RosterMember> members = new LinkedHashMap<>();
        roster.members(branch).forEach(m -> members.put(m.id(), m));
        FieldErrors errors = new FieldErrors();
        checkMember(errors, "memberId", first, members, "请选择谈话的一方");
        checkMember(errors, "otherId", second, members, "请选择谈话的另一方");
        if (first != null && first.equals(second)) {
            errors.reject("otherId", "谈心谈话在两名党员之间进行，请选择另一名党员");
        }
        checkDay(errors, draft.heldOn());
        String topic = text(errors, "topic", draft.topic(), TextKind.SHORT, "请填写谈话主题", "谈话主题");
        String note = draft.note() == null || draft.note().isBlank() ? null
                : text(errors, "note", draft.note(), TextKind.NOTE, null, "谈话情况");
        errors.throwIfAny();
        RosterMember a = members.get(first);
        RosterMember b = members.get(second);
        long id = records.insert(branch.id(), branch.path(), branch.rootId(), draft.heldOn(), a.id(), a.name(), b.id(),
                b.name(), topic, note, scope.actorName(), scope.actorId());
        Talk talk = records.find(id).orElseThrow();
        audit.record(scope, TalkAuditAction.RECORDED, ENTITY, id, talk.orgPath(), null, snapshot(talk));
        return talk;
    }

    /** Deletes a talk recorded by mistake: by those who manage the branch, or by whoever recorded it. */
    @Transactional
    public void delete(DataScope scope, long id) {
        Talk talk = get(scope, id);
        boolean recorder = records.recordedByUser(id).map(u -> u == scope.actorId()).orElse(false);
        if (!scope.managesMembersAt(talk.orgPath()) && !recorder) {
            throw new ForbiddenException("谈心谈话记录由党支部或记录人删除");
        }
        records.delete(id);
        audit.record(scope, TalkAuditAction.DELETED, ENTITY, id, talk.orgPath(), snapshot(talk), null);
    }

    /** A talk the caller may see: of a branch they manage, or one they were in; else 404. */
    public Talk get(DataScope scope, long id) {
        return records.find(id).filter(t -> sees(scope, t)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The talks the caller may see, latest first, of one branch (null: all) and year (null: all). */
    public TalkPage list(DataScope scope, Long orgId, Integer year, int page, int size) {
        Paging paging = Paging.of(page, size);
        checkYear(year);
        // a member's own branch (their talks in it), or any organization the caller manages (its subtree's talks)
        var within = orgId == null ? null : roster.ownBranch(scope).filter(b -> b.id() == orgId)
                .orElseGet(() -> organizations.getManaged(scope, orgId)).path();
        return new TalkPage(records.visible(scope, within, year, paging.size(), paging.offset()),
                records.countVisible(scope, within, year), paging.page(), paging.size());
    }

    /** The members a talk of this branch may be recorded with: those who manage it, or its own members. */
    public List<RosterMember> partners(DataScope scope, Long orgId) {
        return roster.members(branchFor(scope, orgId));
    }

    /** The branch the talk belongs to: the caller's own (null: theirs), or one they manage; 404 for any other. */
    Organization branchFor(DataScope scope, Long orgId) {
        var own = roster.ownBranch(scope);
        if (orgId == null) {
            return own.orElseThrow(() -> InvalidInputException.of("orgId", "请选择党支部"));
        }
        if (own.isPresent() && own.get().id() == orgId) {
            return own.get();
        }
        Organization org = organizations.getManaged(scope, orgId);
        if (!org.type().isBranch()) {
            throw InvalidInputException.of("orgId", "谈心谈话按党支部记录，“" + org.name() + "”是" + org.typeLabel());
        }
        return org;
    }

    private static boolean sees(DataScope scope, Talk t) {
        return scope.managesMembersAt(t.orgPath()) || (scope.selfMemberId() != null && t.involves(scope.selfMemberId()));
    }

    private static void checkMember(FieldErrors errors, String field, Long id, Map<Long, RosterMember> members,
                                    String missing) {
        if (id == null) {
            errors.reject(field, missing);
        } else if (!members.containsKey(id)) {
            errors.reject(field, "所选党员不是本支部党员");
        }
    }

    /** A past day, from January of last year on (the year's coverage is checked in its last quarter). */
    private static void checkDay(FieldErrors errors, LocalDate day) {
        LocalDate today = LocalDate.now();
        LocalDate earliest = LocalDate.of(today.getYear() - 1, 1, 1);
        if (day == null) {
            errors.reject("heldOn", "请填写谈话日期");
        } else if (day.isAfter(today)) {
            errors.reject("heldOn", "谈话日期不能晚于今天");
        } else if (day.isBefore(earliest)) {
            errors.reject("heldOn", "只能记录" + earliest + "以来的谈话");
        }
    }

    static void checkYear(Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw InvalidInputException.of("year", "年度应在2000至2100之间");
        }
    }

    private static String text(FieldErrors errors, String field, String value, TextKind kind, String missing,
                               String label) {
        if (value == null || value.isBlank()) {
            errors.reject(field, missing);
            return null;
        }
        String problem = kind.problem(label, value);
        if (problem != null) {
            errors.reject(field, problem);
        }
        return TextKind.normalize(value);
    }

    private static Map<String, Object> snapshot(Talk t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("orgId", t.orgId());
        s.put("heldOn", t.heldOn().toString());
        s.put("firstMemberId", t.firstMemberId());
        s.put("firstName", t.firstName());
        s.put("secondMemberId", t.secondMemberId());
        s.put("secondName", t.secondName());
        s.put("topic", t.topic());
        s.put("note", t.note());
        return s;
    }
}
