package cn.zhibu.life.internal;

import cn.zhibu.life.Invitee;
import cn.zhibu.life.InviteeResponse;
import cn.zhibu.life.LeaveStatus;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code life_invitee} table: who is invited to a meeting, and what each answered. */
@Repository
public class InviteeRecords {

    private final JdbcClient jdbc;

    InviteeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Someone to invite: a member of the roll, or an inflow member (negative id, see {@link Invitee#inflow()}). */
    public record Invitation(long memberId, String name, boolean voting) {
    }

    /** The invitees of a meeting: members by name, inflow members after them. */
    public List<Invitee> of(long meetingId) {
        return jdbc.sql("select * from life_invitee where meeting_id = ? order by member_id < 0, member_name, member_id")
                .param(meetingId).query(InviteeRecords::map).list();
    }

    public Optional<Invitee> find(long meetingId, long memberId) {
        return jdbc.sql("select * from life_invitee where meeting_id = ? and member_id = ?")
                .params(meetingId, memberId).query(InviteeRecords::map).optional();
    }

    /**
     * Makes the invitation list what {@code invitations} says: those no longer invited are removed, the new ones
     * added, and those who stay keep their answers (their name and vote are brought up to date).
     */
    public void replace(long meetingId, Collection<Invitation> invitations) {
        Long[] ids = invitations.stream().map(Invitation::memberId).toArray(Long[]::new);
        jdbc.sql("delete from life_invitee where meeting_id = ? and not (member_id = any(?))").params(meetingId, ids)
                .update();
        for (Invitation i : invitations) {
            jdbc.sql("""
                            insert into life_invitee (meeting_id, member_id, member_name, voting) values (?, ?, ?, ?)
                            on conflict (meeting_id, member_id)
                            do update set member_name = excluded.member_name, voting = excluded.voting""")
                    .params(meetingId, i.memberId(), i.name(), i.voting()).update();
        }
    }

    public void confirm(long meetingId, long memberId) {
        jdbc.sql("""
                        update life_invitee set response = 'CONFIRMED', leave_reason = null, leave_status = null,
                               leave_decided_by = null, leave_decided_at = null
                        where meeting_id = ? and member_id = ?""")
                .params(meetingId, memberId).update();
    }

    public void askLeave(long meetingId, long memberId, String reason) {
        jdbc.sql("""
                        update life_invitee set response = 'LEAVE', leave_reason = ?, leave_status = 'REQUESTED',
                               leave_decided_by = null, leave_decided_at = null
                        where meeting_id = ? and member_id = ?""")
                .params(reason, meetingId, memberId).update();
    }

    public void decideLeave(long meetingId, long memberId, LeaveStatus decision, String by) {
        jdbc.sql("""
                        update life_invitee set leave_status = ?, leave_decided_by = ?, leave_decided_at = now()
                        where meeting_id = ? and member_id = ?""")
                .params(decision.name(), by, meetingId, memberId).update();
    }

    /** A member's invitations to the planned meetings that have not ended by {@code now}, the soonest first. */
    public List<Invitee> upcoming(long memberId, LocalDateTime now, int limit) {
        return jdbc.sql("""
                        select i.* from life_invitee i join life_meeting m on m.id = i.meeting_id
                        where i.member_id = ? and m.status = 'PLANNED' and m.ends_at > ?
                        order by m.starts_at, m.id limit ?""")
                .params(memberId, MeetingRecords.at(now), limit).query(InviteeRecords::map).list();
    }

    /** A leave request waiting for a decision, with the meeting's when and where (the inbox's). */
    public record PendingLeave(long meetingId, String title, long orgId, String orgName, String orgPath,
                               LocalDate heldOn, LocalDateTime startsAt, long memberId, String memberName,
                               String reason) {
    }

    /** Leave requests of planned meetings in a subtree waiting for a decision, the soonest meeting first. */
    public List<PendingLeave> pendingLeaves(TreePath subtree, int limit) {
        return jdbc.sql("""
                        select m.id, m.title, m.org_id, o.name as org_name, m.org_path, m.held_on, m.starts_at,
                               i.member_id, i.member_name, i.leave_reason
                        from life_invitee i join life_meeting m on m.id = i.meeting_id
                        join organization o on o.id = m.org_id
                        where i.leave_status = 'REQUESTED' and m.status = 'PLANNED'
                          and m.org_path >= ? and m.org_path < ?
                        order by m.starts_at, m.id, i.member_id limit ?""")
                .params(subtree.value(), subtree.upperBound(), limit)
                .query((rs, n) -> new PendingLeave(rs.getLong("id"), rs.getString("title"), rs.getLong("org_id"),
                        rs.getString("org_name"), rs.getString("org_path"), rs.getObject("held_on", LocalDate.class),
                        MeetingRecords.local(rs, "starts_at"), rs.getLong("member_id"), rs.getString("member_name"),
                        rs.getString("leave_reason")))
                .list();
    }

    private static Invitee map(ResultSet rs, int i) throws SQLException {
        String response = rs.getString("response");
        String leave = rs.getString("leave_status");
        return new Invitee(rs.getLong("meeting_id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getBoolean("voting"), response == null ? null : InviteeResponse.valueOf(response),
                rs.getString("leave_reason"), leave == null ? null : LeaveStatus.valueOf(leave),
                rs.getString("leave_decided_by"), MeetingRecords.instant(rs, "leave_decided_at"),
                MeetingRecords.instant(rs, "checked_in_at"), rs.getString("checked_in_by"),
                rs.getString("checked_in_reason"), MeetingRecords.instant(rs, "checked_out_at"),
                rs.getObject("makeup_on", LocalDate.class), rs.getString("makeup_note"), rs.getString("makeup_by"));
    }
}
