package cn.zhibu.life.appraisal;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.appraisal.internal.AppraisalMeetings;
import cn.zhibu.life.appraisal.internal.AppraisalRecords;
import cn.zhibu.life.roster.BranchRoster;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.input.TextKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last step of P1: the 支委会 (where the branch has one) or the 党员大会 proposes each 正式党员's grade, and the
 * secretary records them — within P2's quota of 优秀 — which completes and locks the appraisal. It then counts as the
 * branch's 民主评议党员 of the day the grades were proposed (B11): that day's meeting carries the kind APPRAISAL in the
 * shared meeting tables, which is where compliance reads what was held. If the secretary names the recorded 支委会 or
 * 党员大会, it gets that kind too; otherwise a confirmed meeting of the kind APPRAISAL alone is recorded for that day
 * (the appraisal's stages are its record), so that an appraisal counts even where its meeting is not on the
 * platform. Either way every {@link MeetingChangeListener} is told, inside this transaction.
 */
@Service
@Transactional(readOnly = true)
public class AppraisalGrading {

    private static final String MANAGERS_ONLY = "评定等次由党支部书记根据支委会或党员大会的意见记录";

    private final AppraisalRecords records;
    private final AppraisalMeetings meetings;
    private final AppraisalAccess access;
    private final OrganizationService organizations;
    private final BranchRoster roster;
    private final ObjectProvider<MeetingChangeListener> listeners;
    private final AuditLog audit;

    AppraisalGrading(AppraisalRecords records, AppraisalMeetings meetings, AppraisalAccess access,
                     OrganizationService organizations, BranchRoster roster,
                     ObjectProvider<MeetingChangeListener> listeners, AuditLog audit) {
        this.records = records;
        this.meetings = meetings;
        this.access = access;
        this.organizations = organizations;
        this.roster = roster;
        this.listeners = listeners;
        this.audit = audit;
    }

    /** Records the grades and completes the appraisal. */
    @Transactional
    public Appraisal record(DataScope scope, long id, GradeSheet sheet) {
        Appraisal a = access.lockManaged(scope, id, MANAGERS_ONLY);
        Checked c = checked(a, sheet, true);
        for (GradeSheet.Entry e : c.grades().values()) {
            records.grade(id, e.memberId(), e.grade(), e.note());
        }
        long meetingId = c.linked() != null ? addAppraisalKind(c.linked())
                : recordMeeting(scope, a, c.branch(), c.heldOn(), sheet.proposedBy());
        records.complete(id, sheet.proposedBy(), c.heldOn(), meetingId);
        records.closeStage(id, AppraisalStage.GRADING, scope.actorName());
        Appraisal after = records.find(id).orElseThrow();
        Map<String, Object> what = AppraisalService.snapshot(after);
        what.put("grades", gradeList(records.participants(id)));
        audit.record(scope, AppraisalAuditAction.GRADED, AppraisalService.ENTITY, id, a.orgPath(),
                AppraisalService.snapshot(a), what);
        return after;
    }

    /**
     * Checks the grades as {@link #record} would, writing nothing: the page shows them for confirmation first, since
     * they complete the appraisal.
     */
    public void check(DataScope scope, long id, GradeSheet sheet) {
        Appraisal a = access.read(scope, id);
        if (!access.manages(scope, a)) {
            throw new ForbiddenException(MANAGERS_ONLY);
        }
        checked(a, sheet, false);
    }

    /** A sheet that passed every check, with what it resolved to. */
    private record Checked(Organization branch, MeetingFacts linked, LocalDate heldOn,
                           Map<Long, GradeSheet.Entry> grades) {
    }

    /** Every check of a sheet, every field's message at once; {@code lock}: the linked meeting is locked for the write. */
    private Checked checked(Appraisal a, GradeSheet sheet, boolean lock) {
        AppraisalAccess.requireOpen(a, AppraisalStage.GRADING, "");
        Organization branch = organizations.describe(a.orgId());
        FieldErrors errors = new FieldErrors();
        if (sheet.proposedBy() == null) {
            errors.reject("proposedBy", "请选择提出评定意见的会议（支委会或党员大会）");
        } else if (sheet.proposedBy() == ProposingBody.COMMITTEE && roster.committeeMemberIds(branch).isEmpty()) {
            errors.reject("proposedBy", "“" + branch.name() + "”未设支部委员会，评定意见由支部党员大会提出（P1）");
        }
        MeetingFacts linked = sheet.meetingId() == null ? null : linkedMeeting(a, sheet, errors, lock);
        LocalDate heldOn = linked != null ? linked.heldOn() : sheet.heldOn();
        checkDay(a, heldOn, sheet, linked, errors);
        Map<Long, GradeSheet.Entry> grades = checkedGrades(records.participants(a.id()), sheet.grades(), errors);
        errors.throwIfAny();
        return new Checked(branch, linked, heldOn, grades);
    }

    /** The grades recorded so far (none before the appraisal completes), against P2: for those who manage the branch. */
    public GradeSummary summary(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!access.manages(scope, a)) {
            throw new ForbiddenException("评定结果由党支部查看；党员可在评议页面查看本人的等次");
        }
        return GradeSummary.of(records.participants(id));
    }

    /** The branch's recorded 支委会 and 党员大会 the grades may be linked to (see {@link AppraisalMeetings#candidates}). */
    public List<MeetingOption> meetingOptions(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!access.manages(scope, a)) {
            throw new ForbiddenException(MANAGERS_ONLY);
        }
        return meetings.candidates(a.orgId(), a.year());
    }

    /** The caller's own grade, once the appraisal is complete (empty for a 预备党员 or before). */
    public Optional<Grade> ownGrade(DataScope scope, long id) {
        Appraisal a = access.read(scope, id);
        if (!a.completed() || !access.takesPart(scope, a)) {
            return Optional.empty();
        }
        return records.participants(id).stream().filter(p -> p.memberId() == scope.selfMemberId())
                .map(Participant::grade).filter(java.util.Objects::nonNull).findFirst();
    }

    /** The meeting named: held by the branch and recorded, of the proposing body's kind, concluding no other appraisal. */
    private MeetingFacts linkedMeeting(Appraisal a, GradeSheet sheet, FieldErrors errors, boolean lock) {
        MeetingFacts m = (lock ? meetings.lock(sheet.meetingId()) : meetings.facts(sheet.meetingId()))
                .filter(f -> f.orgId() == a.orgId()).orElse(null);
        if (m == null) {
            errors.reject("meetingId", "所选会议不存在或不是本支部的会议");
            return null;
        }
        if (!m.status().held()) {
            errors.reject("meetingId", "所选会议尚未召开并记录（" + m.status().label() + "），请先记录会议");
        } else if (sheet.proposedBy() != null && !m.kinds().contains(sheet.proposedBy().meetingKind())) {
            errors.reject("meetingId", "所选会议不是" + sheet.proposedBy().label());
        } else if (records.meetingTaken(m.meetingId())) {
            errors.reject("meetingId", "所选会议已用于另一次民主评议");
        }
        return errors.has("meetingId") ? null : m;
    }

    /** The day the grades were proposed: in or after the appraisal's year, not in the future, the linked meeting's own. */
    private static void checkDay(Appraisal a, LocalDate heldOn, GradeSheet sheet, MeetingFacts linked,
                                 FieldErrors errors) {
        if (linked != null && sheet.heldOn() != null && !sheet.heldOn().equals(linked.heldOn())) {
            errors.reject("heldOn", "会议日期应与所选会议的召开日期（" + linked.heldOn() + "）一致，可不填");
        } else if (heldOn == null) {
            if (!errors.has("meetingId")) {
                errors.reject("heldOn", "请填写支委会或党员大会提出评定意见的日期");
            }
        } else if (heldOn.isAfter(LocalDate.now())) {
            errors.reject("heldOn", "会议日期不能晚于今天");
        } else if (heldOn.getYear() < a.year()) {
            errors.reject("heldOn", "会议日期不能早于评议年度（" + a.year() + "年）");
        }
    }

    /** One grade per 正式党员 taking part, none for a 预备党员 (P2), 优秀 within the quota (P2). */
    private static Map<Long, GradeSheet.Entry> checkedGrades(List<Participant> participants,
                                                             List<GradeSheet.Entry> sheet, FieldErrors errors) {
        Map<Long, Participant> byId = new HashMap<>();
        participants.forEach(p -> byId.put(p.memberId(), p));
        Map<Long, GradeSheet.Entry> grades = new LinkedHashMap<>();
        for (GradeSheet.Entry e : sheet) {
            Participant p = e.memberId() == null ? null : byId.get(e.memberId());
            if (p == null) {
                errors.reject("grades", "评定的党员不在本次评议的参评名单中");
            } else if (!p.full()) {
                errors.reject("grades", p.name() + "是预备党员，参加评议但不评定等次（P2）");
            } else if (e.grade() == null) {
                errors.reject("grades", "请为" + p.name() + "选择评定等次");
            } else if (grades.containsKey(p.memberId())) {
                errors.reject("grades", p.name() + "的等次填写了两次");
            } else if (e.note() != null && TextKind.NOTE.problem("说明", e.note()) != null) {
                errors.reject("grades", p.name() + "：" + TextKind.NOTE.problem("说明", e.note()));
            } else {
                String note = e.note() == null || e.note().isBlank() ? null : TextKind.normalize(e.note());
                grades.put(p.memberId(), new GradeSheet.Entry(p.memberId(), e.grade(), note));
            }
        }
        List<String> missing = participants.stream().filter(Participant::full)
                .filter(p -> !grades.containsKey(p.memberId())).map(Participant::name).toList();
        if (!missing.isEmpty()) {
            errors.reject("grades", "请为每名正式党员评定等次，尚未评定：" + String.join("、", missing));
        }
        String quota = GradeQuota.problem(grades.values().stream().map(GradeSheet.Entry::grade).toList());
        if (quota != null && missing.isEmpty()) {
            errors.reject("grades", quota);
        }
        return grades;
    }

    private long addAppraisalKind(MeetingFacts before) {
        EnumSet<MeetingKind> kinds = EnumSet.copyOf(before.kinds());
        kinds.add(MeetingKind.APPRAISAL);
        meetings.addKind(before.meetingId(), MeetingKind.APPRAISAL);
        MeetingFacts after = new MeetingFacts(before.meetingId(), before.orgId(), before.orgPath(), kinds,
                before.heldOn(), before.status(), before.invited(), before.attended(), before.late());
        listeners.orderedStream().forEach(l -> l.changed(before, after));
        return before.meetingId();
    }

    private long recordMeeting(DataScope scope, Appraisal a, Organization branch, LocalDate heldOn, ProposingBody by) {
        var starts = heldOn.atTime(LocalTime.of(9, 0)).atZone(ZoneId.systemDefault()).toInstant();
        long meetingId = meetings.insertAppraisalMeeting(branch.id(), branch.path(), branch.rootId(),
                a.year() + "年度民主评议党员", starts, starts.plusSeconds(3600), heldOn,
                by.label() + "提出评定意见，完成" + a.year() + "年度民主评议党员（个人自评、党员互评、民主测评）",
                scope.actorName());
        MeetingFacts after = meetings.facts(meetingId).orElseThrow();
        listeners.orderedStream().forEach(l -> l.changed(null, after));
        return meetingId;
    }

    private static List<Map<String, Object>> gradeList(List<Participant> participants) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Participant p : participants) {
            if (p.grade() != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("memberId", p.memberId());
                m.put("name", p.name());
                m.put("grade", p.grade().name());
                if (p.gradeNote() != null) {
                    m.put("note", p.gradeNote());
                }
                list.add(m);
            }
        }
        return list;
    }
}
