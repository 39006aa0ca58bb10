package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingAttendance;
import cn.zhibu.life.MeetingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** Invitees' attendance with what crediting 学时 needs (life_meeting, life_invitee, life_meeting_kind). */
@Repository
public class AttendanceRows {

    private final JdbcClient jdbc;

    AttendanceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The invitees of a meeting (all, or one member) as they stand in this transaction. */
    public List<MeetingAttendance> of(long meetingId, Long memberId) {
        return jdbc.sql("""
                        select m.id, m.org_id, m.title, m.held_on, m.status,
                               array(select k.kind from life_meeting_kind k where k.meeting_id = m.id) as kinds,
                               greatest(0, floor(extract(epoch from m.ends_at - m.starts_at) / 60))::bigint as length,
                               i.member_id,
                               case when i.checked_in_at is not null and i.checked_out_at is not null
                                    then greatest(0, floor(extract(epoch from i.checked_out_at - i.checked_in_at) / 60))::bigint
                               end as present
                        from life_meeting m join life_invitee i on i.meeting_id = m.id
                        where m.id = :id and (cast(:member as bigint) is null or i.member_id = :member)
                        order by i.member_id""")
                .param("id", meetingId).param("member", memberId)
                .query((rs, i) -> new MeetingAttendance(rs.getLong("id"), rs.getLong("org_id"), rs.getString("title"),
                        MeetingRecords.kinds(rs.getArray("kinds")), rs.getObject("held_on", LocalDate.class),
                        MeetingStatus.valueOf(rs.getString("status")).held(), rs.getLong("member_id"),
                        (Long) rs.getObject("present"), rs.getLong("length")))
                .list();
    }
}
