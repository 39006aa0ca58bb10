package cn.zhibu.life;

import cn.zhibu.life.internal.InviteeRecords;
import cn.zhibu.life.internal.MeetingRecords;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.FieldErrors;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.input.TextKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What invitees answer: each confirms they will attend or asks leave (请假) with a reason, for themself only, until the
 * meeting ends; a manager of the meeting's organization (the 书记) approves or refuses a leave request while the
 * meeting is planned — never their own. Every answer and decision is audited.
 */
@Service
public class MeetingAnswers {

    private final MeetingService meetings;
    private final MeetingRecords records;
    private final InviteeRecords invitees;
    private final AuditLog audit;

    MeetingAnswers(MeetingService meetings, MeetingRecords records, InviteeRecords invitees, AuditLog audit) {
        this.meetings = meetings;
        this.records = records;
        this.invitees = invitees;
        this.audit = audit;
    }

    /** The caller will attend (an earlier leave request is withdrawn). */
    @Transactional
    public Invitee confirm(DataScope scope, long meetingId) {
        Invitee before = ownInvitation(scope, meetingId);
        invitees.confirm(meetingId, before.memberId());
        return recorded(scope, LifeAuditAction.ATTENDANCE_CONFIRMED, before);
    }

    /** The caller asks leave, with the reason; the secretary decides. */
    @Transactional
    public Invitee askLeave(DataScope scope, long meetingId, String reason) {
        Invitee before = ownInvitation(scope, meetingId);
        FieldErrors errors = new FieldErrors();
        String why = MeetingChecks.required(errors, "reason", reason, MeetingChecks.REASON_LIMIT, "请填写请假事由",
                "请假事由", TextKind.NOTE);
        errors.throwIfAny();
        invitees.askLeave(meetingId, before.memberId(), why);
        return recorded(scope, LifeAuditAction.LEAVE_REQUESTED, before);
    }

    /** A manager of the meeting's organization approves or refuses a member's leave request (a decision may be changed). */
    @Transactional
    public Invitee decideLeave(DataScope scope, long meetingId, long memberId, boolean approve) {
        meetings.managed(scope, meetingId);
        Meeting m = records.lock(meetingId).orElseThrow(() -> new NotFoundException(MeetingService.NOT_FOUND));
        if (!m.planned()) {
            throw InvalidInputException.of("", "该会议" + m.status().label() + "，不能再审批请假");
        }
        Invitee before = invitees.find(meetingId, memberId)
                .orElseThrow(() -> new NotFoundException("该党员不在本次会议的参会人员中"));
        if (before.response() != InviteeResponse.LEAVE) {
            throw InvalidInputException.of("", before.name() + "没有请假，无需审批");
        }
        if (scope.selfMemberId() != null && scope.selfMemberId() == memberId) {
            throw new ForbiddenException("不能审批自己的请假，请由其他负责人或上级党组织审批");
        }
        invitees.decideLeave(meetingId, memberId, approve ? LeaveStatus.APPROVED : LeaveStatus.REFUSED,
                scope.actorName());
        return recorded(scope, approve ? LifeAuditAction.LEAVE_APPROVED : LifeAuditAction.LEAVE_REFUSED, before);
    }

    /** The caller's invitation to a meeting that still takes answers: planned and not yet ended. Locks the meeting. */
    private Invitee ownInvitation(DataScope scope, long meetingId) {
        Meeting seen = meetings.get(scope, meetingId);
        Long self = scope.selfMemberId();
        if (self == null || !records.invites(meetingId, self)) {
            throw new ForbiddenException("您不在本次会议的参会人员中，只有受邀党员本人可以确认参加或请假");
        }
        Meeting m = records.lock(seen.id()).orElseThrow(() -> new NotFoundException(MeetingService.NOT_FOUND));
        if (m.status() == MeetingStatus.CANCELLED) {
            throw InvalidInputException.of("", "该会议已取消，无需答复");
        }
        if (!m.planned() || m.endedBy(LocalDateTime.now())) {
            throw InvalidInputException.of("", "会议已结束，不能再确认参加或请假");
        }
        return invitees.find(meetingId, self).orElseThrow();
    }

    private Invitee recorded(DataScope scope, LifeAuditAction action, Invitee before) {
        Invitee after = invitees.find(before.meetingId(), before.memberId()).orElseThrow();
        String orgPath = records.find(before.meetingId()).orElseThrow().orgPath();
        audit.record(scope, action, LifeAuditAction.ENTITY, before.meetingId(), orgPath, answer(before), answer(after));
        return after;
    }

    private static Map<String, Object> answer(Invitee i) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("memberId", i.memberId());
        s.put("memberName", i.name());
        s.put("response", i.response() == null ? null : i.response().name());
        s.put("leaveReason", i.leaveReason());
        s.put("leaveStatus", i.leaveStatus() == null ? null : i.leaveStatus().name());
        return s;
    }
}
