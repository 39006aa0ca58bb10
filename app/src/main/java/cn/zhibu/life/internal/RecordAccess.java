package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may read and write a meeting's record. Read: those who manage the meeting's organization or an organization
 * above it (the branch's 书记, the higher committees), and the members invited to it once the record is confirmed (a
 * draft is the secretary's until then). Members of the organization who were not invited do not read it. Write: those
 * who manage it. Anyone else gets 404, as for a meeting that does not exist; an invitee who tries to write gets 403.
 */
@Component
public class RecordAccess {

    public static final String NOT_FOUND = "会议记录不存在或不在您的查看范围内";

    private final MeetingRows meetings;
    private final RollRows roll;

    RecordAccess(MeetingRows meetings, RollRows roll) {
        this.meetings = meetings;
        this.roll = roll;
    }

    /** The meeting whose record the caller may read. */
    public MeetingRow readable(DataScope scope, long meetingId) {
        MeetingRow m = meetings.find(meetingId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (manages(scope, m) || (m.status() == MeetingStatus.CONFIRMED && invited(scope, m))) {
            return m;
        }
        throw new NotFoundException(NOT_FOUND);
    }

    /** The meeting whose record the caller may change, its row locked until the transaction ends. */
    public MeetingRow writable(DataScope scope, long meetingId) {
        MeetingRow m = meetings.find(meetingId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        if (!manages(scope, m)) {
            if (invited(scope, m)) {
                throw new ForbiddenException("只有党组织书记和组织管理员可以记录、确认和更正会议记录");
            }
            throw new NotFoundException(NOT_FOUND);
        }
        return meetings.lock(meetingId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The caller is invited to the meeting, whether or not its record can be read yet. */
    public boolean invitedTo(DataScope scope, long meetingId) {
        return meetings.find(meetingId).map(m -> invited(scope, m)).orElse(false);
    }

    public boolean manages(DataScope scope, MeetingRow m) {
        return scope.managesMembersAt(m.orgPath());
    }

    private boolean invited(DataScope scope, MeetingRow m) {
        return scope.selfMemberId() != null && roll.invited(m.id(), scope.selfMemberId());
    }
}
