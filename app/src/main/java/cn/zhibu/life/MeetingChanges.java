package cn.zhibu.life;

import cn.zhibu.life.internal.MeetingRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link MeetingChangeListener} (compliance's roll-ups) of a change to what it reads, inside the writing
 * transaction. Every part of the module that changes a meeting's status, kinds, day, organization or attendance reads
 * the {@link #facts} before and after and calls {@link #announce}. No listener is fine: nothing is told.
 */
@Component
public class MeetingChanges {

    private final MeetingRecords records;
    private final ObjectProvider<MeetingChangeListener> listeners;

    MeetingChanges(MeetingRecords records, ObjectProvider<MeetingChangeListener> listeners) {
        this.records = records;
        this.listeners = listeners;
    }

    /** The facts of a meeting as they stand in the current transaction; null when there is no such meeting. */
    public MeetingFacts facts(long meetingId) {
        return records.facts(meetingId).orElse(null);
    }

    /** Calls every listener with the facts before and after (either may be null: created, removed). */
    public void announce(MeetingFacts before, MeetingFacts after) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        listeners.orderedStream().forEach(l -> l.changed(before, after));
    }
}
