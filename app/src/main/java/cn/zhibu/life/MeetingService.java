package cn.zhibu.life;

import cn.zhibu.life.internal.InviteeRecords;
import cn.zhibu.life.internal.InviteeRecords.Invitation;
import cn.zhibu.life.internal.InviteeRoll;
import cn.zhibu.life.internal.MeetingMails;
import cn.zhibu.life.internal.MeetingRecords;
import cn.zhibu.organization.Committee;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Meetings of organizational life (RULES.md B6–B11): a manager of an organization schedules one for it — with kinds it
 * may hold ({@link MeetingKindRules}), invitations computed from those kinds ({@link InviteeRoll}) and e-mailed when
 * SMTP is configured — edits it or cancels it while it is planned. A meeting may be scheduled in the past, to record
 * one never scheduled, but no earlier than the late-recording window ({@link MeetingChecks}).
 * <p>
 * Who sees a meeting: the managers of its organization's subtree, and the members invited to it. Anyone else gets
 * 404, as for a meeting that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class MeetingService {

    static final String NOT_FOUND = "会议不存在或不在您的查看范围内";

    private final MeetingRecords records;
    private final InviteeRecords invitees;
    private final InviteeRoll roll;
    private final MeetingChecks checks;
    private final OrganizationService organizations;
    private final MeetingMails mails;
    private final AuditLog audit;

    MeetingService(MeetingRecords records, InviteeRecords invitees, InviteeRoll roll, MeetingChecks checks,
                   OrganizationService organizations, MeetingMails mails, AuditLog audit) {
        this.records = records;
        this.invitees = invitees;
        this.roll = roll;
        this.checks = checks;
        this.organizations = organizations;
        this.mails = mails;
        this.audit = audit;
    }

    @Transactional
    public Meeting schedule(DataScope scope, MeetingDraft draft) {
        return scheduleAsOf(scope, draft, LocalDate.now());
    }

    /**
     * Schedules as if on {@code asOf} (not after today): the late-recording window and the year ahead are counted from
     * that day. For loading history — the demo's year of meetings —, never for a user's request.
     */
    @Transactional
    public Meeting scheduleAsOf(DataScope scope, MeetingDraft draft, LocalDate asOf) {
        if (asOf.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("asOf in the future: " + asOf);
        }
        requireManager(scope);
        if (draft.orgId() <= 0) {
            throw InvalidInputException.of("orgId", "请选择召开会议的党组织");
        }
        // the organization's row is share-locked: a move of it waits, so the path stored here stays right
        Organization org = organizations.lockManaged(scope, draft.orgId());
        Committee committee = organizations.committee(scope, org.id());
        FieldErrors errors = new FieldErrors();
        if (!org.active()) {
            errors.reject("orgId", "“" + org.name() + "”已撤销，不能安排会议");
        }
        MeetingRecords.Row row = checks.check(scope, org, committee, draft, errors, asOf);
        errors.throwIfAny();
        List<Invitation> invited = invitations(scope, org, committee, draft.kinds(), row);
        long id = records.insert(org.id(), org.path(), org.rootId(), row, draft.kinds(), scope.actorName());
        invitees.replace(id, invited);
        Meeting scheduled = records.find(id).orElseThrow();
        mails.invite(scheduled, invited.stream().map(Invitation::memberId).toList());
        audit.record(scope, LifeAuditAction.SCHEDULED, LifeAuditAction.ENTITY, id, org.path().value(), null,
                snapshot(scheduled));
        return scheduled;
    }

    /**
     * Changes a planned meeting (its organization stays): the invitations are computed again — those no longer
     * invited are removed, those who stay keep their answers, newcomers are invited by e-mail, and everyone is told
     * of a new time or place.
     */
    @Transactional
    public Meeting edit(DataScope scope, long id, MeetingDraft draft) {
        Meeting seen = managed(scope, id);
        // the organization first, then the meeting: the order a move of the organization takes them in
        Organization org = organizations.lockManaged(scope, seen.orgId());
        Meeting before = records.lock(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        requirePlanned(before, "修改");
        if (draft.expectedVersion() != null && draft.expectedVersion() != before.version()) {
            throw InvalidInputException.of("", "该会议刚被他人修改过，请刷新页面后再修改");
        }
        Committee committee = organizations.committee(scope, org.id());
        FieldErrors errors = new FieldErrors();
        MeetingRecords.Row row = checks.check(scope, org, committee, draft, errors);
        errors.throwIfAny();
        List<Invitation> invited = invitations(scope, org, committee, draft.kinds(), row);
        Set<Long> earlier = new HashSet<>(invitees.of(id).stream().map(Invitee::memberId).toList());
        records.update(id, row, draft.kinds());
        invitees.replace(id, invited);
        Meeting after = records.find(id).orElseThrow();
        List<Long> stayed = invited.stream().map(Invitation::memberId).filter(earlier::contains).toList();
        mails.invite(after, invited.stream().map(Invitation::memberId).filter(m -> !earlier.contains(m)).toList());
        if (!after.startsAt().equals(before.startsAt()) || !after.endsAt().equals(before.endsAt())
                || !Objects.equals(after.place(), before.place())
                || !Objects.equals(after.onlineLink(), before.onlineLink())) {
            mails.changed(after, stayed);
        }
        audit.record(scope, LifeAuditAction.EDITED, LifeAuditAction.ENTITY, id, after.orgPath(), snapshot(before),
                snapshot(after));
        return after;
    }

    /** Checks a cancellation without making it (the page confirms it first): the same refusals as {@link #cancel}. */
    public Meeting checkCancel(DataScope scope, long id, String reason) {
        Meeting m = managed(scope, id);
        requirePlanned(m, "取消");
        FieldErrors errors = new FieldErrors();
        MeetingChecks.required(errors, "reason", reason, MeetingChecks.REASON_LIMIT, "请填写取消原因", "取消原因",
                TextKind.NOTE);
        errors.throwIfAny();
        return m;
    }

    /** Calls off a planned meeting, with the reason; the invitees are told. */
    @Transactional
    public Meeting cancel(DataScope scope, long id, String reason) {
        Meeting seen = managed(scope, id);
        organizations.lockManaged(scope, seen.orgId());
        Meeting before = records.lock(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        requirePlanned(before, "取消");
        FieldErrors errors = new FieldErrors();
        String why = MeetingChecks.required(errors, "reason", reason, MeetingChecks.REASON_LIMIT, "请填写取消原因", "取消原因",
                TextKind.NOTE);
        errors.throwIfAny();
        records.cancel(id, why);
        Meeting after = records.find(id).orElseThrow();
        mails.cancelled(after, invitees.of(id).stream().map(Invitee::memberId).toList());
        audit.record(scope, LifeAuditAction.CANCELLED, LifeAuditAction.ENTITY, id, after.orgPath(), snapshot(before),
                snapshot(after));
        return after;
    }

    /** The meeting, if the caller may see it (a manager of its organization, or an invitee). */
    public Optional<Meeting> find(DataScope scope, long id) {
        return records.find(id).filter(m -> sees(scope, m));
    }

    /** The meeting, or 404 when it does not exist or is out of the caller's view. */
    public Meeting get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /**
     * Meetings the caller may see, the most recent first: of one organization's subtree ({@code filter.orgId()},
     * which they manage), of every organization they manage, or — for a member — those they are invited to.
     */
    public MeetingPage list(DataScope scope, MeetingFilter filter, int page, int size) {
        Paging paging = Paging.of(page, size);
        if (filter.month() != null && (filter.month().getYear() < 1900 || filter.month().getYear() > 2100)) {
            throw InvalidInputException.of("month", "月份应在1900年至2100年之间");
        }
        TreePath subtree = filter.orgId() == null ? null : organizations.getManaged(scope, filter.orgId()).path();
        if (subtree == null && !scope.hasManagedScope() && scope.selfMemberId() == null) {
            return new MeetingPage(List.of(), 0, true, paging.page(), paging.size());
        }
        boolean fewOrganizations = filter.kind() != null
                && organizations.organizationsCovered(scope, subtree) <= MeetingRecords.FEW_ORGANIZATIONS;
        long total = records.count(scope, subtree, filter, fewOrganizations);
        return new MeetingPage(records.list(scope, subtree, filter, paging.size(), paging.offset()),
                total, total <= MeetingRecords.COUNT_CAP, paging.page(), paging.size());
    }

    /**
     * Who is invited, with their answers: every invitee for a manager of the meeting's organization; an invitee who
     * does not manage it sees only their own invitation.
     */
    public List<Invitee> invitees(DataScope scope, long id) {
        Meeting m = get(scope, id);
        if (manages(scope, m)) {
            return invitees.of(id);
        }
        return invitation(scope, m).stream().toList();
    }

    /** The caller's own invitation to the meeting, if they are invited. */
    public Optional<Invitee> invitation(DataScope scope, Meeting m) {
        return scope.selfMemberId() == null ? Optional.empty() : invitees.find(m.id(), scope.selfMemberId());
    }

    /** The caller manages the meeting's organization: may edit, cancel and decide leave. */
    public boolean manages(DataScope scope, Meeting m) {
        return scope.managesMembersAt(m.orgPath());
    }

    /** The kinds an organization the caller manages may hold (the form's checkboxes). */
    public List<MeetingKind> kindsFor(DataScope scope, long orgId) {
        Organization org = organizations.getManaged(scope, orgId);
        return MeetingKindRules.allowed(org.type(), InviteeRoll.seated(organizations.committee(scope, orgId)));
    }

    /** The earliest day a meeting may be held on when scheduled today (the late-recording window). */
    public LocalDate earliestDay() {
        return checks.earliestDay(LocalDate.now());
    }

    private List<Invitation> invitations(DataScope scope, Organization org, Committee committee, Set<MeetingKind> kinds,
                                         MeetingRecords.Row row) {
        List<Invitation> invited = roll.invitations(scope, org, committee, kinds, row.startsAt().toLocalDate());
        if (invited.isEmpty()) {
            throw InvalidInputException.of("kinds", "按所选会议类型，“" + org.name() + "”目前没有应参加会议的党员，"
                    + "请先登记党员（或支部委员）再安排");
        }
        return invited;
    }

    private boolean sees(DataScope scope, Meeting m) {
        return manages(scope, m) || records.invites(m.id(), scope.selfMemberId());
    }

    /** A meeting the caller manages: 404 when they cannot see it, 403 when they only are invited to it. */
    Meeting managed(DataScope scope, long id) {
        Meeting m = get(scope, id);
        if (!manages(scope, m)) {
            throw new ForbiddenException("只有召开会议的党组织（或其上级）的书记、组织管理员可以修改、取消会议或审批请假");
        }
        return m;
    }

    private static void requireManager(DataScope scope) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException("只有党组织书记和组织管理员可以安排会议");
        }
    }

    private static void requirePlanned(Meeting m, String what) {
        if (!m.planned()) {
            throw InvalidInputException.of("", "该会议" + m.status().label() + "，不能再" + what + "会议安排");
        }
    }

    static Map<String, Object> snapshot(Meeting m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("orgId", m.orgId());
        s.put("title", m.title());
        s.put("kinds", m.kinds().stream().map(Enum::name).toList());
        s.put("startsAt", m.startsAt().toString());
        s.put("endsAt", m.endsAt().toString());
        s.put("place", m.place());
        s.put("onlineLink", m.onlineLink());
        s.put("agenda", m.agenda());
        s.put("speakerMemberId", m.speakerMemberId());
        s.put("speakerName", m.speakerName());
        s.put("status", m.status().name());
        s.put("cancelledReason", m.cancelledReason());
        s.put("invited", m.counts().invited());
        return s;
    }
}
