package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingChangeListener;
import cn.zhibu.life.MeetingFacts;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells every {@link MeetingChangeListener} (compliance's roll-ups) what a change of the record did to what they read,
 * inside the writing transaction: read the facts before the change, make it, then {@link #after} — listeners hear of
 * it only when a fact changed. With no listener (compliance not merged yet) nothing happens.
 */
@Component
public class MeetingChanges {

    private final JdbcClient jdbc;
    private final ObjectProvider<MeetingChangeListener> listeners;

    MeetingChanges(JdbcClient jdbc, ObjectProvider<MeetingChangeListener> listeners) {
        this.jdbc = jdbc;
        this.listeners = listeners;
    }

    /** What compliance knows of the meeting now: organization, kinds, day, status, roll totals, lateness. */
    public MeetingFacts facts(long meetingId) {
        return jdbc.sql("""
                        select m.id, m.org_id, m.org_path, m.held_on, m.status, m.late,
                          array(select k.kind from life_meeting_kind k where k.meeting_id = m.id) as kinds,
                          (select count(*) from life_invitee i where i.meeting_id = m.id) as invited,
                          (select count(*) from life_invitee i where i.meeting_id = m.id and i.checked_in_at is not null)
                            as attended
                        from life_meeting m where m.id = ?""")
                .param(meetingId)
                .query((rs, i) -> new MeetingFacts(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                        kinds(rs.getArray("kinds")), rs.getObject("held_on", LocalDate.class),
                        MeetingStatus.valueOf(rs.getString("status")), rs.getInt("invited"), rs.getInt("attended"),
                        rs.getBoolean("late")))
                .single();
    }

    /** Reads the facts after a change and tells the listeners, if anything they read changed. */
    public void after(MeetingFacts before) {
        MeetingFacts after = facts(before.meetingId());
        if (!Objects.equals(before, after)) {
            listeners.orderedStream().forEach(l -> l.changed(before, after));
        }
    }

    private static Set<MeetingKind> kinds(Array array) throws java.sql.SQLException {
        return Arrays.stream((String[]) array.getArray()).map(MeetingKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MeetingKind.class)));
    }
}
