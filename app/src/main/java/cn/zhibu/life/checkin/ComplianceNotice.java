package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingChanges;
import cn.zhibu.life.MeetingFacts;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link MeetingChangeListener} (compliance's roll-ups) of a check-in or check-in by hand made after the
 * meeting was recorded — before that, the record's saving counts attendance. Check-outs and 补课 change nothing
 * compliance reads. Called inside the writing transaction, while the attendance lock is held shared (no record is
 * being saved meanwhile). Such late check-ins are few, so each locks the meeting's row: two of them count one after
 * the other, and each tells the count as it is with its own change.
 */
@Component
class ComplianceNotice {

    private final AttendanceRecords records;
    private final MeetingChanges changes;

    ComplianceNotice(AttendanceRecords records, MeetingChanges changes) {
        this.records = records;
        this.changes = changes;
    }

    /** One more member attended a recorded meeting. */
    void checkedInAfterRecord(CheckinMeeting meeting) {
        if (!meeting.recorded()) {
            return;
        }
        records.lockMeetingRow(meeting.id());
        MeetingFacts after = changes.facts(meeting.id());
        MeetingFacts before = new MeetingFacts(after.meetingId(), after.orgId(), after.orgPath(), after.kinds(),
                after.heldOn(), after.status(), after.invited(), after.attended() - 1, after.late());
        changes.announce(before, after);
    }
}
