package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingFacts;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<MeetingChangeListener> listeners;

    ComplianceNotice(AttendanceRecords records, ObjectProvider<MeetingChangeListener> listeners) {
        this.records = records;
        this.listeners = listeners;
    }

    /** One more member attended a recorded meeting. */
    void checkedInAfterRecord(CheckinMeeting meeting) {
        if (!meeting.recorded()) {
            return;
        }
        records.lockMeetingRow(meeting.id());
        MeetingFacts after = records.facts(meeting.id());
        MeetingFacts before = new MeetingFacts(after.meetingId(), after.orgId(), after.orgPath(), after.kinds(),
                after.heldOn(), after.status(), after.invited(), after.attended() - 1, after.late());
        listeners.orderedStream().forEach(listener -> listener.changed(before, after));
    }
}
