package cn.zhibu.life.appraisal;

import cn.zhibu.life.appraisal.internal.AppraisalRecords;
import cn.zhibu.life.appraisal.internal.BallotBox;
import cn.zhibu.life.roster.BranchRoster;
import cn.zhibu.life.roster.RosterMember;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 民主评议党员 (RULES.md P1, P2, B11): a branch opens one appraisal a year, for its members when it opens (正式 and 预备,
 * its 党小组 included); the stages then follow in P1's order, each opened and closed by those who manage the branch.
 * What members do in each stage is {@link AppraisalParticipation} (自评, 互评), {@link AppraisalBallots} (the anonymous
 * 民主测评) and {@link AppraisalGrading} (the grades proposed by the 支委会 or 党员大会, which completes it).
 */
@Service
@Transactional(readOnly = true)
public class AppraisalService {

    static final String ENTITY = "life_appraisal";
    private static final String MANAGERS_ONLY = "只有党支部书记和组织管理员可以组织民主评议";

    private final AppraisalRecords records;
    private final BallotBox ballots;
    private final AppraisalAccess access;
    private final OrganizationService organizations;
    private final BranchRoster roster;
    private final AuditLog audit;

    AppraisalService(AppraisalRecords records, BallotBox ballots, AppraisalAccess access,
                     OrganizationService organizations, BranchRoster roster, AuditLog audit) {
        this.records = records;
        this.ballots = ballots;
        this.access = access;
        this.organizations = organizations;
        this.roster = roster;
        this.audit = audit;
    }

    /**
     * Opens the branch's appraisal of {@code year} (this year or the last: an appraisal of last year is often held in
     * January) with its members as they are now, and starts the 个人自评.
     */
    @Transactional
    public Appraisal open(DataScope scope, long orgId, int year) {
        if (!scope.hasManagedScope()) {
            throw new ForbiddenException(MANAGERS_ONLY);
        }
        Organization org = organizations.lockManaged(scope, orgId);
        FieldErrors errors = new FieldErrors();
        if (!org.type().isBranch()) {
            errors.reject("orgId", "民主评议党员由党支部组织（B11），“" + org.name() + "”是" + org.typeLabel());
        } else if (!org.active()) {
            errors.reject("orgId", "“" + org.name() + "”已撤销，不能发起民主评议");
        }
        int thisYear = LocalDate.now().getYear();
        if (year < thisYear - 1 || year > thisYear) {
            errors.reject("year", "评议年度应为" + (thisYear - 1) + "年或" + thisYear + "年");
        }
        errors.throwIfAny();
        List<RosterMember> members = roster.members(org);
        if (members.stream().noneMatch(RosterMember::full)) {
            throw InvalidInputException.of("orgId", "“" + org.name() + "”尚无正式党员，不能发起民主评议（P2：评定等次的是正式党员）");
        }
        long id = records.insert(org.id(), org.path(), org.rootId(), year, scope.actorName())
                .orElseThrow(() -> InvalidInputException.of("year",
                        "“" + org.name() + "”" + year + "年度的民主评议已经发起，每个支部每年一次（B11）"));
        records.insertParticipants(id, members);
        records.openStage(id, AppraisalStage.SELF_ASSESSMENT, scope.actorName());
        Appraisal opened = records.find(id).orElseThrow();
        audit.record(scope, AppraisalAuditAction.OPENED, ENTITY, id, opened.orgPath(), null, snapshot(opened));
        return opened;
    }

    /** The appraisal, if the caller may see it (they manage the branch or take part); else 404. */
    public Appraisal get(DataScope scope, long id) {
        return access.read(scope, id);
    }

    /** The appraisals the caller may see, latest year first, optionally of one year. */
    public AppraisalPage list(DataScope scope, Integer year, int page, int size) {
        Paging paging = Paging.of(page, size);
        return new AppraisalPage(records.visible(scope, year, paging.size(), paging.offset()),
                records.countVisible(scope, year), paging.page(), paging.size());
    }

    /** Who takes part, with the turnout of each stage and the grades: for those who manage the branch. */
    public List<Participant> participants(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!access.manages(scope, a)) {
            throw new ForbiddenException("参评党员名单和完成情况由党支部查看");
        }
        return records.participants(id);
    }

    /** The caller manages the appraisal's branch: runs the stages, sees turnout and totals. */
    public boolean manages(DataScope scope, Appraisal a) {
        return access.manages(scope, a);
    }

    /** The caller takes part in the appraisal. */
    public boolean takesPart(DataScope scope, Appraisal a) {
        return access.takesPart(scope, a);
    }

    /** Starts a stage: only once the stage before it has closed (P1). */
    @Transactional
    public Appraisal openStage(DataScope scope, long id, AppraisalStage stage) {
        Appraisal a = access.lockManaged(scope, id, MANAGERS_ONLY);
        if (a.completed()) {
            throw InvalidInputException.of("stage", "民主评议已经完成，不能再开始环节");
        }
        if (a.stage(stage).isPresent()) {
            throw InvalidInputException.of("stage", stage.label() + "环节已经开始过，不能重新开始（" + AppraisalStage.ORDER + "）");
        }
        AppraisalStage previous = stage.previous();
        if (previous != null && !a.closed(previous)) {
            throw InvalidInputException.of("stage", previous.label() + "环节尚未" + (a.isOpen(previous) ? "结束" : "进行")
                    + "，不能开始" + stage.label() + "（" + AppraisalStage.ORDER + "）");
        }
        records.openStage(id, stage, scope.actorName());
        if (stage == AppraisalStage.BALLOT) {
            ballots.open(id);
        }
        return recordStage(scope, a, AppraisalAuditAction.STAGE_OPENED, stage);
    }

    /**
     * Ends the open stage. The 民主测评 ends only once someone has voted; the last stage ends by recording the grades
     * ({@link AppraisalGrading}).
     */
    @Transactional
    public Appraisal closeStage(DataScope scope, long id, AppraisalStage stage) {
        Appraisal a = access.lockManaged(scope, id, MANAGERS_ONLY);
        if (!a.isOpen(stage)) {
            throw InvalidInputException.of("stage", stage.label() + "环节" + (a.closed(stage) ? "已经结束" : "尚未开始"));
        }
        if (stage == AppraisalStage.GRADING) {
            throw InvalidInputException.of("stage", "评定等次环节在记录评定结果时结束");
        }
        if (stage == AppraisalStage.BALLOT && a.voted() == 0) {
            throw InvalidInputException.of("stage", "尚无党员参加民主测评，不能结束测评");
        }
        records.closeStage(id, stage, scope.actorName());
        return recordStage(scope, a, AppraisalAuditAction.STAGE_CLOSED, stage);
    }

    private Appraisal recordStage(DataScope scope, Appraisal before, AppraisalAuditAction action, AppraisalStage stage) {
        Appraisal after = records.find(before.id()).orElseThrow();
        Map<String, Object> what = snapshot(after);
        what.put("stage", stage.name());
        audit.record(scope, action, ENTITY, before.id(), before.orgPath(), snapshot(before), what);
        return after;
    }

    static Map<String, Object> snapshot(Appraisal a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("orgId", a.orgId());
        s.put("year", a.year());
        s.put("status", a.statusLabel());
        s.put("participants", a.participants());
        s.put("fullMembers", a.fullMembers());
        s.put("selfAssessed", a.selfAssessed());
        s.put("voted", a.voted());
        if (a.completed()) {
            s.put("proposedBy", a.proposedBy().name());
            s.put("heldOn", a.heldOn().toString());
            s.put("meetingId", a.meetingId());
        }
        return s;
    }
}
