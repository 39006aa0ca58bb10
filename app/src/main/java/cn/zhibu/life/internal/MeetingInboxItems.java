package cn.zhibu.life.internal;

import cn.zhibu.life.LateRecording;
import cn.zhibu.life.Invitee;
import cn.zhibu.life.InviteeResponse;
import cn.zhibu.life.LeaveStatus;
import cn.zhibu.life.Meeting;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meetings in the inbox. A member sees each planned meeting they are invited to until it ends — when and where, and
 * what is asked of them (请确认参加或请假) or what was decided on their leave. A manager sees, in the subtree viewed,
 * the leave requests waiting for a decision and the meetings that ended but are not recorded yet (记录待补, due
 * within {@code zhibu.life.record.on-time-days} of the day held). Each read is bounded and served by an index (V26).
 */
@Component
class MeetingInboxItems implements InboxSource {

    private static final String KIND = "组织生活";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final MeetingRecords meetings;
    private final InviteeRecords invitees;
    private final LateRecording lateRecording;

    MeetingInboxItems(MeetingRecords meetings, InviteeRecords invitees, LateRecording lateRecording) {
        this.meetings = meetings;
        this.invitees = invitees;
        this.lateRecording = lateRecording;
    }

    @Override
    public List<InboxItem> items(InboxQuery query) {
        LocalDateTime now = LocalDateTime.now();
        List<InboxItem> items = query.managing() ? managerItems(query, now) : memberItems(query, now);
        return items.stream().sorted(InboxItem.URGENCY).limit(query.limit()).toList();
    }

    private List<InboxItem> memberItems(InboxQuery query, LocalDateTime now) {
        Long self = query.scope().selfMemberId();
        if (self == null) {
            return List.of();
        }
        List<Invitee> invited = invitees.upcoming(self, now, query.limit());
        Map<Long, Meeting> byId = meetings.findAll(invited.stream().map(Invitee::meetingId).toList()).stream()
                .collect(Collectors.toMap(Meeting::id, Function.identity()));
        List<InboxItem> items = new ArrayList<>();
        for (Invitee i : invited) {
            Meeting m = byId.get(i.meetingId());
            if (m != null) {
                items.add(InboxItem.of(KIND, ask(i) + m.title(), m.orgName())
                        .detail(whenAndWhere(m) + note(i))
                        .at(m.orgId(), m.orgName(), m.orgPath()).due(m.heldOn(), query.today())
                        .link("/life/meetings/" + m.id()).mine(true).build());
            }
        }
        return items;
    }

    private static String ask(Invitee i) {
        if (i.response() == null) {
            return "请确认参加或请假：";
        }
        if (i.response() == InviteeResponse.CONFIRMED) {
            return "待参加：";
        }
        return i.leaveStatus() == LeaveStatus.APPROVED ? "已准假：" : i.leaveStatus() == LeaveStatus.REFUSED
                ? "请假未获批准：" : "请假待审批：";
    }

    private static String note(Invitee i) {
        return i.leaveStatus() == LeaveStatus.REFUSED ? "；请假未获批准，请按时参加" : "";
    }

    private List<InboxItem> managerItems(InboxQuery query, LocalDateTime now) {
        List<InboxItem> items = new ArrayList<>();
        for (InviteeRecords.PendingLeave l : invitees.pendingLeaves(query.subtree(), query.limit())) {
            boolean mine = query.holdsRoleAt(l.orgPath());
            if (!query.mineOnly() || mine) {
                items.add(InboxItem.of(KIND, "请假待审批：" + l.title(), l.memberName())
                        .detail(WHEN.format(l.startsAt()) + "召开；请假事由：" + l.reason())
                        .at(l.orgId(), l.orgName(), l.orgPath()).due(l.heldOn(), query.today())
                        .link("/life/meetings/" + l.meetingId() + "#invitees").mine(mine).build());
            }
        }
        for (Meeting m : meetings.endedUnrecorded(query.subtree(), now, query.limit())) {
            boolean mine = query.holdsRoleAt(m.orgPath());
            if (!query.mineOnly() || mine) {
                items.add(InboxItem.of(KIND, "记录待补：" + m.title(), m.orgName())
                        .detail(m.kindLabels() + "，" + WHEN.format(m.startsAt()) + "召开；请在会后" + lateRecording.onTimeDays()
                                + "天内录入会议记录，逾期为补录")
                        .at(m.orgId(), m.orgName(), m.orgPath()).due(lateRecording.onTimeUntil(m.heldOn()), query.today())
                        .rule(m.kinds().get(0).rule()).link("/life/meetings/" + m.id() + "/record").mine(mine).build());
            }
        }
        return items;
    }

    private static String whenAndWhere(Meeting m) {
        String where = m.place() != null ? m.place() : "线上";
        return WHEN.format(m.startsAt()) + "，" + where;
    }
}
