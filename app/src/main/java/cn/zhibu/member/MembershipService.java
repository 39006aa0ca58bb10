package cn.zhibu.member;

import cn.zhibu.member.internal.ArchivedRow;
import cn.zhibu.member.internal.MemberArchive;
import cn.zhibu.member.internal.MemberRepository;
import cn.zhibu.member.internal.MemberRoll;
import cn.zhibu.member.internal.MemberRollup;
import cn.zhibu.member.internal.MemberRow;
import cn.zhibu.member.internal.StatusEvents;
import cn.zhibu.member.internal.TransferRecords;
import cn.zhibu.member.internal.VotingRoll;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.Paging;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.db.PlannerSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of a membership: 转正, 停止党籍, 恢复党籍, 出党 (除名, 开除, 退党, 取消预备党员资格) and death, each an
 * event with its date, reason, document and approver (RULES.md D10, D11, R5); lost contact; the records out of the
 * registry; and what is due. One transaction per action; the history is appended, never rewritten.
 */
@Service
public class MembershipService {

    private static final String ENTITY = "member";
    private static final String NOT_FOUND = "党员不存在或不在您的管理范围内";

    private final MemberService members;
    private final MemberRepository registry;
    private final MemberArchive archive;
    private final StatusEvents events;
    private final MemberRollup rollup;
    private final OrganizationService organizations;
    private final AuditLog audit;
    private final TransferRecords transfers;
    private final PlannerSettings planner;
    private final VotingRoll votingRoll;
    private final MemberRoll memberRoll;
    private final ObjectProvider<DuesStanding> dues;
    private final int removalMonths;

    MembershipService(MemberService members, MemberRepository registry, MemberArchive archive, StatusEvents events,
                      MemberRollup rollup, OrganizationService organizations, AuditLog audit,
                      TransferRecords transfers, VotingRoll votingRoll, MemberRoll memberRoll,
                      ObjectProvider<DuesStanding> dues, @Value("${zhibu.dues.removal-months:6}") int removalMonths,
                      PlannerSettings planner) {
        this.planner = planner;
        this.dues = dues;
        this.removalMonths = removalMonths;
        this.memberRoll = memberRoll;
        this.votingRoll = votingRoll;
        this.transfers = transfers;
        this.members = members;
        this.registry = registry;
        this.archive = archive;
        this.events = events;
        this.rollup = rollup;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** Applies one status change to a member in the registry or a suspended record; refuses what the rules forbid. */
    @Transactional
    public StatusEvent change(DataScope scope, long id, StatusChange change) {
        planner.reusePlans();
        LocalDate today = LocalDate.now();
        Optional<MemberRow> registered = registry.find(id);
        if (registered.isPresent()) {
            return changeRegistered(scope, registered, change, today);
        }
        return changeArchived(scope, id, change, today);
    }

    private StatusEvent changeRegistered(DataScope scope, Optional<MemberRow> seen, StatusChange change,
                                         LocalDate today) {
        MemberRow row = members.lockForChange(scope, seen, null);
        long id = row.id();
        if (transfers.openFor(id).isPresent()) {
            throw InvalidInputException.of("kind", "该党员正在办理组织关系转接，请待转接完成或撤回后再办理状态变更");
        }
        MembershipRules.check(change, new MembershipRules.Standing(row.status().name(), row.joinedOn(),
                row.lostContactSince(), null, events.probationExtendedTo(id).orElse(null)), today).throwIfAny();
        checkDuesGround(id, change);
        Member before = members.shown(row);
        String to;
        if (change.kind().keepsStatus()) {
            to = row.status().name(); // the status stays; the period's end is the event's deadline
        } else if (change.kind() == StatusChangeKind.CONVERT) {
            registry.convert(id, change.effectiveOn());
            rollup.apply(new MemberRollup.Delta().add(new TreePath(row.orgPath()), row, -1)
                    .add(new TreePath(row.orgPath()), row.withStatus(MemberStatus.FULL, change.effectiveOn()), 1));
            to = MemberStatus.FULL.name();
        } else {
            ArchiveStatus status = ArchiveStatus.valueOf(change.kind().to());
            archive.archive(id, status, change.kind(), change.effectiveOn());
            rollup.apply(new MemberRollup.Delta().add(new TreePath(row.orgPath()), row, -1));
            to = status.name();
        }
        return recorded(scope, row, change, row.status().name(), to, before);
    }

    /**
     * R6 / F8: the ground "无正当理由连续6个月不交纳党费" is the ledger's fact, not the branch's word — refused while the
     * member's run of unpaid months without a recorded justification is shorter than {@code zhibu.dues.removal-months}.
     * Without a dues module (this module's own tests) the ground stands as stated.
     */
    private void checkDuesGround(long id, StatusChange change) {
        DuesStanding standing = dues.getIfAvailable();
        if (standing == null || change.kind() != StatusChangeKind.REMOVE || change.ground() != RemovalGround.NO_DUES) {
            return;
        }
        int months = standing.consecutiveUnpaidMonths(id);
        if (months < removalMonths) {
            throw InvalidInputException.of("ground", "该党员连续未交纳党费" + months + "个月，不足" + removalMonths
                    + "个月，不能以“无正当理由连续" + removalMonths + "个月不交纳党费”除名（中组发〔2008〕3号 第十三条；"
                    + "《党员教育管理工作条例》第三十一条）");
        }
    }

    /** The member's current run of months unpaid without justification (F8), or null without a dues module. */
    public Integer duesUnpaidMonths(DataScope scope, long id) {
        DuesStanding standing = dues.getIfAvailable();
        if (standing == null || registry.find(id).filter(r -> members.visible(scope, r)).isEmpty()) {
            return null;
        }
        return standing.consecutiveUnpaidMonths(id);
    }

    private StatusEvent changeArchived(DataScope scope, long id, StatusChange change, LocalDate today) {
        ArchivedRow seen = archive.find(id).filter(a -> scope.managesMembersAt(a.row().orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        // a restored member rejoins their organization's counts: lock it as a registry change would
        organizations.lockInPathOrder(List.of(seen.row().orgId()));
        ArchivedRow locked = archive.findForUpdate(id).filter(a -> scope.managesMembersAt(a.row().orgPath()))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        MemberRow row = locked.row();
        MembershipRules.check(change, new MembershipRules.Standing(locked.status().name(), row.joinedOn(),
                row.lostContactSince(), locked.archivedOn()), today).throwIfAny();
        Member before = members.shown(row);
        String to;
        if (change.kind() == StatusChangeKind.RESTORE) {
            Organization org = organizations.getManaged(scope, row.orgId());
            if (!org.active()) {
                throw InvalidInputException.of("kind", "原所在党组织“" + org.name() + "”已撤销，不能在该组织恢复党籍，请联系上级党组织处理");
            }
            archive.restore(id);
            rollup.apply(new MemberRollup.Delta().add(new TreePath(row.orgPath()), row, 1));
            to = row.status().name();
        } else {
            ArchiveStatus status = ArchiveStatus.valueOf(change.kind().to());
            archive.restate(id, status, change.kind(), change.effectiveOn());
            to = status.name();
        }
        return recorded(scope, row, change, locked.status().name(), to, before);
    }

    private StatusEvent recorded(DataScope scope, MemberRow row, StatusChange change, String from, String to,
                                 Member shown) {
        StatusEvent event = events.append(row, change, from, to, scope.actorName());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", shown.name());
        after.put("kind", change.kind().name());
        after.put("status", to);
        after.put("effectiveOn", change.effectiveOn().toString());
        after.put("reason", change.reason());
        after.put("documentRef", change.documentRef());
        after.put("approvedBy", change.approvedBy());
        audit.record(scope, MemberAuditAction.STATUS_CHANGED, ENTITY, row.id(), row.orgPath(), Map.of("name", shown.name(), "status", from),
                after);
        return event;
    }

    /**
     * The 回执 of a letter to an organization off the platform came back: the record leaves the registry and its
     * counts (R1: this organization was responsible until now), with the transfer in its history.
     */
    void transferredOut(DataScope scope, Transfer t) {
        MemberRow row = members.lockForChange(scope, t.memberId(), null);
        StatusChange change = new StatusChange(StatusChangeKind.TRANSFER_OUT, LocalDate.now(),
                "组织关系转至" + t.toOrgName() + "（" + t.letterNo() + "），已收到回执", t.letterNo(), t.fromOrgName());
        archive.archive(row.id(), ArchiveStatus.TRANSFERRED_OUT, StatusChangeKind.TRANSFER_OUT, change.effectiveOn());
        rollup.apply(new MemberRollup.Delta().add(new TreePath(row.orgPath()), row, -1));
        recorded(scope, row, change, row.status().name(), ArchiveStatus.TRANSFERRED_OUT.name(), members.shown(row));
    }

    /** R5: records the last contact of a member the branch cannot reach; {@code null} when in contact again. */
    @Transactional
    public Member setLostContact(DataScope scope, long id, LocalDate lastContact) {
        MemberRow row = members.lockForChange(scope, id, null);
        if (lastContact != null) {
            if (lastContact.isAfter(LocalDate.now())) {
                throw InvalidInputException.of("lastContactOn", "最后联系日期不能晚于今天");
            }
            if (lastContact.isBefore(row.joinedOn())) {
                throw InvalidInputException.of("lastContactOn", "最后联系日期不能早于入党日期（" + row.joinedOn() + "）");
            }
        }
        registry.setLostContact(id, lastContact);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("lostContactSince", row.lostContactSince() == null ? null : row.lostContactSince().toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lostContactSince", lastContact == null ? null : lastContact.toString());
        audit.record(scope, lastContact == null ? MemberAuditAction.IN_CONTACT_AGAIN : MemberAuditAction.LOST_CONTACT, ENTITY, id, row.orgPath(), before, after);
        return members.open(scope, id);
    }

    /**
     * Of these members the caller manages, those under 留党察看 on the day — who may not sponsor (D6) nor vote
     * (D9, E2). The period runs from the decision's effective date to the day before its end date.
     */
    public java.util.Set<Long> underPartyProbation(DataScope scope, java.util.Collection<Long> memberIds,
                                                   LocalDate day) {
        List<Long> visible = memberIds.stream().filter(id -> registry.find(id)
                .filter(r -> scope.managesMembersAt(r.orgPath())).isPresent()).toList();
        return events.underPartyProbation(visible, day);
    }

    /**
     * The roll of a branch meeting (D9): the 正式党员 of an organization's subtree with a vote on the day — not
     * 预备党员, not those under 留党察看 then — by name (see {@link VotingRoll} for how the day is read).
     */
    public List<VotingMember> votingRoll(DataScope scope, long orgId, LocalDate day) {
        return votingRoll.on(organizations.getManaged(scope, orgId).path(), day);
    }

    /**
     * Every member of the registry in an organization's subtree the caller manages, 正式 and 预备, each with their
     * vote on the day (E2: not 预备党员, not under 留党察看) — who is invited to its meetings. By name.
     */
    public List<RollMember> roll(DataScope scope, long orgId, LocalDate day) {
        return memberRoll.of(organizations.getManaged(scope, orgId).path(), day);
    }

    /** The same for members named by id (a committee's seats): only those in the registry and the caller's scope. */
    public List<RollMember> roll(DataScope scope, java.util.Collection<Long> memberIds, LocalDate day) {
        return memberRoll.of(scope, memberIds, day);
    }

    /** The status history of a member or an archived record the caller may see. */
    public List<StatusEvent> history(DataScope scope, long id) {
        Optional<MemberRow> registered = registry.find(id);
        boolean visible = registered.isPresent() ? members.visible(scope, registered.get())
                : archive.find(id).filter(a -> scope.managesMembersAt(a.row().orgPath())).isPresent();
        if (!visible) {
            throw new NotFoundException(NOT_FOUND);
        }
        return events.of(id);
    }

    public ArchivedMember getArchived(DataScope scope, long id) {
        return archive.find(id).filter(a -> scope.managesMembersAt(a.row().orgPath())).map(a -> toArchived(members.opened(scope, a.row()), a))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** A page of the records out of the registry in an organization's subtree (all kinds when {@code status} is null). */
    public ArchivedPage archived(DataScope scope, long orgId, ArchiveStatus status, int page, int size) {
        Organization org = organizations.getManaged(scope, orgId);
        if (!scope.managesMembersAt(org.path().value())) {
            throw new NotFoundException("党组织不存在或不在您的管理范围内");
        }
        Paging paging = Paging.of(page, size);
        List<ArchivedMember> items = archive.page(org.path(), status, paging).stream()
                .map(a -> toArchived(members.shown(a.row()), a)).toList();
        return new ArchivedPage(items, archive.count(org.path(), status), paging.page(), paging.size());
    }

    /** What is due in an organization's subtree, oldest first, at most {@code limit} of each kind. */
    public List<MemberReminder> reminders(DataScope scope, long orgId, int limit) {
        Organization org = organizations.getManaged(scope, orgId);
        List<MemberReminder> due = new ArrayList<>();
        if (!scope.managesMembersAt(org.path().value())) {
            return due;
        }
        LocalDate today = LocalDate.now();
        List<MemberRow> probationOver = registry.probationOver(org.path(),
                today.minusYears(MembershipRules.PROBATION_YEARS), today, limit);
        Map<Long, LocalDate> extendedTo = events.probationsExtendedTo(probationOver.stream().map(MemberRow::id).toList());
        for (MemberRow m : probationOver) {
            LocalDate dueOn = extendedTo.getOrDefault(m.id(), MembershipRules.conversionDue(m.joinedOn()));
            due.add(new MemberReminder("D11", m.id(), m.name(), m.orgId(), m.orgName(), m.orgPath(), dueOn,
                    "预备期已于" + dueOn + "届满，应及时讨论其转正（按期转正、延长预备期或取消预备党员资格）", false));
        }
        for (MemberRow m : registry.lostContact(org.path(), today.minusMonths(MembershipRules.LOST_CONTACT_MONTHS), limit)) {
            LocalDate dueOn = MembershipRules.suspensionDue(m.lostContactSince());
            due.add(new MemberReminder("R5", m.id(), m.name(), m.orgId(), m.orgName(), m.orgPath(), dueOn,
                    "自" + m.lostContactSince() + "起失去联系已满6个月，经多方寻找仍无音讯的，应停止其党籍", false));
        }
        for (StatusEvents.CorrectionDue c : events.correctionsDue(org.path(), today, limit)) {
            due.add(new MemberReminder("R6", c.memberId(), c.name(), c.orgId(), c.orgName(), c.orgPath(), c.deadline(),
                    "限期改正期满（" + c.deadline() + "），应根据其表现作出处理：有转变的予以肯定，仍无转变的予以除名", false));
        }
        for (ArchivedRow a : archive.suspendedSince(org.path(), today.minusYears(MembershipRules.SUSPENSION_YEARS), limit)) {
            LocalDate dueOn = MembershipRules.removalDue(a.archivedOn());
            due.add(new MemberReminder("R5", a.row().id(), a.row().name(), a.row().orgId(), a.row().orgName(),
                    a.row().orgPath(), dueOn,
                    "停止党籍（" + a.archivedOn() + "）已满2年仍未取得联系，应按自行脱党予以除名", true));
        }
        return due;
    }

    /** An archived record with the member as shown: opened (its page) or masked (the list). */
    private static ArchivedMember toArchived(Member shown, ArchivedRow a) {
        return new ArchivedMember(shown, a.status(), a.kind(), a.archivedOn());
    }
}
