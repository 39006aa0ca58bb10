package cn.zhibu.life;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** A {@link MeetingChangeListener} that remembers what it was told (the last few hundred changes), for the tests. */
@Component
public class RecordingMeetingListener implements MeetingChangeListener {

    public record Change(MeetingFacts before, MeetingFacts after) {
    }

    private final List<Change> changes = new ArrayList<>();

    @Override
    public synchronized void changed(MeetingFacts before, MeetingFacts after) {
        if (changes.size() > 500) {
            changes.remove(0);
        }
        changes.add(new Change(before, after));
    }

    /** What the listener was told about one meeting, oldest first. */
    public synchronized List<Change> of(long meetingId) {
        return changes.stream().filter(c -> (c.after() != null ? c.after() : c.before()).meetingId() == meetingId)
                .toList();
    }
}
