package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingCheckTimes;
import cn.zhibu.platform.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link MeetingCheckTimes} from the meeting's roll. */
@Component
@Transactional(readOnly = true)
class MeetingCheckTimesReader implements MeetingCheckTimes {

    private final CheckinService checkins;
    private final AttendanceRecords records;

    MeetingCheckTimesReader(CheckinService checkins, AttendanceRecords records) {
        this.checkins = checkins;
        this.records = records;
    }

    @Override
    public Heading heading(DataScope scope, long meetingId) {
        CheckinMeeting m = checkins.managed(scope, meetingId);
        return new Heading(m.id(), m.title(), m.orgPath(), m.startsAt(), m.endsAt());
    }

    @Override
    public Map<Long, Times> of(DataScope scope, long meetingId, Collection<Long> memberIds) {
        checkins.managed(scope, meetingId);
        Map<Long, Times> times = new LinkedHashMap<>();
        for (long memberId : memberIds) {
            records.attendance(meetingId, memberId)
                    .ifPresent(a -> times.put(memberId, new Times(a.checkedInAt(), a.checkedOutAt())));
        }
        return times;
    }
}
