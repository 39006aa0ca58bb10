package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Meetings as check-in reads them and their invitees' rows ({@code life_meeting}, {@code life_invitee} of V25, with
 * V27's check-out by hand). Every change of a row is one conditional UPDATE of that row only: a thousand members
 * checking in at once write a thousand different rows and nothing they share.
 */
@Repository
class AttendanceRecords {

    /** The first half of the attendance lock's key ("LIFE"); the second is the meeting id (a wrap-around only shares a lock). */
    private static final int LOCK_CLASS = 0x4C494645;
    private static final String COLUMNS = """
            meeting_id, member_id, member_name, voting, leave_status = 'APPROVED' as on_leave, checked_in_at,
            checked_in_by, checked_in_reason, checked_out_at, checked_out_by, checked_out_reason, makeup_on,
            makeup_note, makeup_by""";
    private static final String MEETING_COLUMNS = "m.id, m.org_id, m.org_path, m.title, m.starts_at, m.ends_at, "
            + "m.held_on, m.place, m.status";

    private final JdbcClient jdbc;

    AttendanceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The meeting's attendance lock, shared: every change of attendance holds it to its commit, while the saving of
     * the record takes it alone ({@link #lockExclusive}) to count. So a check-in either is counted by the record or
     * sees the meeting recorded and tells compliance itself. An advisory lock writes no row.
     */
    void lockShared(long meetingId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?, ?)").params(LOCK_CLASS, (int) meetingId)
                .query((rs, i) -> 1).list();
    }

    void lockExclusive(long meetingId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, (int) meetingId).query((rs, i) -> 1).list();
    }

    /** Serializes the few writers that count a recorded meeting's attendance. */
    void lockMeetingRow(long meetingId) {
        jdbc.sql("select id from life_meeting where id = ? for no key update").param(meetingId).query((rs, i) -> 1).list();
    }

    Optional<CheckinMeeting> meeting(long id) {
        return jdbc.sql("select " + MEETING_COLUMNS + " from life_meeting m where m.id = ?").param(id)
                .query((rs, i) -> meeting(rs)).optional();
    }

    /** A meeting and the member's row of it (null when they are not invited), in one read. */
    record MeetingAndInvitee(CheckinMeeting meeting, Attendance invitee) {
    }

    Optional<MeetingAndInvitee> meetingAndInvitee(long meetingId, long memberId) {
        return jdbc.sql("select " + MEETING_COLUMNS + ", i.* from life_meeting m left join (select " + COLUMNS
                        + " from life_invitee where meeting_id = :id and member_id = :member) i on true where m.id = :id")
                .param("id", meetingId).param("member", memberId)
                .query((rs, i) -> new MeetingAndInvitee(meeting(rs), rs.getObject("member_id") == null ? null : attendance(rs)))
                .optional();
    }

    Optional<Attendance> attendance(long meetingId, long memberId) {
        return jdbc.sql("select " + COLUMNS + " from life_invitee where meeting_id = ? and member_id = ?")
                .params(meetingId, memberId).query((rs, i) -> attendance(rs)).optional();
    }

    /** Checks in who has not checked in yet; false when they had (the first check-in stands). */
    boolean checkIn(long meetingId, long memberId, Instant at, String byHand, String reason) {
        return jdbc.sql("""
                        update life_invitee set checked_in_at = ?, checked_in_by = ?, checked_in_reason = ?
                        where meeting_id = ? and member_id = ? and checked_in_at is null""")
                .params(utc(at), byHand, reason, meetingId, memberId).update() == 1;
    }

    /** Checks out who checked in and has not checked out yet; false otherwise. */
    boolean checkOut(long meetingId, long memberId, Instant at, String byHand, String reason) {
        return jdbc.sql("""
                        update life_invitee set checked_out_at = ?, checked_out_by = ?, checked_out_reason = ?
                        where meeting_id = ? and member_id = ? and checked_in_at is not null and checked_out_at is null""")
                .params(utc(at), byHand, reason, meetingId, memberId).update() == 1;
    }

    /** Records 补课 for an invitee who has not checked in; false when they have. */
    boolean makeup(long meetingId, long memberId, LocalDate on, String note, String by) {
        return jdbc.sql("""
                        update life_invitee set makeup_on = ?, makeup_note = ?, makeup_by = ?
                        where meeting_id = ? and member_id = ? and checked_in_at is null""")
                .params(on, note, by, meetingId, memberId).update() == 1;
    }

    AttendanceTotals totals(long meetingId) {
        return jdbc.sql("""
                        select count(*), count(checked_in_at), count(checked_out_at),
                               count(*) filter (where leave_status = 'APPROVED' and checked_in_at is null),
                               count(makeup_on)
                        from life_invitee where meeting_id = ?""")
                .param(meetingId)
                .query((rs, i) -> new AttendanceTotals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .single();
    }

    List<Attendance> roll(long meetingId, RollFilter filter, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from life_invitee where meeting_id = ? and " + filter.condition()
                        + " order by member_name, member_id limit ? offset ?")
                .params(meetingId, limit, offset).query((rs, i) -> attendance(rs)).list();
    }

    long count(long meetingId, RollFilter filter) {
        return jdbc.sql("select count(*) from life_invitee where meeting_id = ? and " + filter.condition())
                .param(meetingId).query(Long.class).single();
    }

    private static CheckinMeeting meeting(ResultSet rs) throws SQLException {
        return new CheckinMeeting(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"),
                rs.getString("title"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                MeetingStatus.valueOf(rs.getString("status")));
    }

    private static Attendance attendance(ResultSet rs) throws SQLException {
        return new Attendance(rs.getLong("meeting_id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getBoolean("voting"), rs.getBoolean("on_leave"), instant(rs, "checked_in_at"),
                rs.getString("checked_in_by"), rs.getString("checked_in_reason"), instant(rs, "checked_out_at"),
                rs.getString("checked_out_by"), rs.getString("checked_out_reason"),
                rs.getObject("makeup_on", LocalDate.class), rs.getString("makeup_note"), rs.getString("makeup_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
