package cn.zhibu.life;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MeetingChangeListener} of the tests: it keeps what it is told, so a test can check that a change of what
 * compliance reads was announced, with the facts before and after.
 */
@Component
public class RecordedMeetingChanges implements MeetingChangeListener {

    public record Change(MeetingFacts before, MeetingFacts after) {
    }

    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @Override
    public void changed(MeetingFacts before, MeetingFacts after) {
        changes.add(new Change(before, after));
    }

    /** The changes announced for one meeting, oldest first. */
    public List<Change> of(long meetingId) {
        return changes.stream().filter(c -> (c.after() != null && c.after().meetingId() == meetingId)
                || (c.before() != null && c.before().meetingId() == meetingId)).toList();
    }
}
