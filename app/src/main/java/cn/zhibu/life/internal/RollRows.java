package cn.zhibu.life.internal;

import cn.zhibu.life.Presence;
import cn.zhibu.life.RollEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

/**
 * The roll of a meeting from {@code life_invitee} (V25): present is checked in — by the member's own scan
 * ({@code checked_in_by} null) or by hand —, on leave is leave approved and not present, absent is the rest.
 */
@Repository
public class RollRows {

    /** What the record writes as the reason of a presence it marks. */
    public static final String MARKED_IN_RECORD = "会议记录登记出席";

    private final JdbcClient jdbc;

    RollRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RollEntry> roll(long meetingId) {
        return jdbc.sql("""
                        select member_id, member_name, voting, checked_in_at, checked_in_by, leave_status
                        from life_invitee where meeting_id = ? order by member_id""")
                .param(meetingId)
                .query((rs, i) -> new RollEntry(rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getBoolean("voting"), presence(rs.getTimestamp("checked_in_at") != null,
                        rs.getString("checked_in_by"), rs.getString("leave_status")))).list();
    }

    /** Whether the member is invited to the meeting (a member reads only the records of meetings they were invited to). */
    public boolean invited(long meetingId, long memberId) {
        return jdbc.sql("select exists (select 1 from life_invitee where meeting_id = ? and member_id = ?)")
                .params(meetingId, memberId).query(Boolean.class).single();
    }

    /** Marks invitees present who are not checked in, as from the start of the meeting, by the secretary. */
    public void markPresent(long meetingId, Collection<Long> memberIds, Instant from, String by) {
        if (memberIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update life_invitee set checked_in_at = :from, checked_in_by = :by, checked_in_reason = :reason
                        where meeting_id = :meeting and member_id in (:ids) and checked_in_at is null""")
                .param("from", Timestamp.from(from)).param("by", by).param("reason", MARKED_IN_RECORD)
                .param("meeting", meetingId).param("ids", memberIds).update();
    }

    /** Takes back presences marked by hand; a member's own scan stays. */
    public void unmark(long meetingId, Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update life_invitee set checked_in_at = null, checked_in_by = null, checked_in_reason = null,
                          checked_out_at = null
                        where meeting_id = :meeting and member_id in (:ids) and checked_in_by is not null""")
                .param("meeting", meetingId).param("ids", memberIds).update();
    }

    private static Presence presence(boolean checkedIn, String checkedInBy, String leaveStatus) {
        if (checkedIn) {
            return checkedInBy == null ? Presence.CHECKED_IN : Presence.MARKED;
        }
        return "APPROVED".equals(leaveStatus) ? Presence.ON_LEAVE : Presence.ABSENT;
    }
}
