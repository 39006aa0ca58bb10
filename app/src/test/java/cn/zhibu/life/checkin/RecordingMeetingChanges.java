package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingFacts;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the meeting change listeners are told, as compliance would receive it. */
@Component
public class RecordingMeetingChanges implements MeetingChangeListener {

    public record Change(MeetingFacts before, MeetingFacts after) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void changed(MeetingFacts before, MeetingFacts after) {
        changes.add(new Change(before, after));
    }

    public List<Change> of(long meetingId) {
        return changes.stream().filter(c -> (c.after() != null ? c.after() : c.before()).meetingId() == meetingId).toList();
    }
}
