package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Meetings and their invitees for the check-in tests, written straight into the V25 tables (the meetings service of
 * the module's foundation is built alongside), with real organizations and members from {@code TestData}.
 */
@Component
public class MeetingFixture {

    private final JdbcClient jdbc;

    MeetingFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A planned meeting of the organization, starting at {@code startsAt} for {@code length}, inviting the members. */
    public long meeting(Organization org, String title, Instant startsAt, Duration length, List<Member> invitees) {
        long id = jdbc.sql("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, place,
                                                  created_by)
                        values (?, ?, ?, ?, ?, ?, ?, '党员活动室', '测试')
                        returning id""")
                .params(org.id(), org.path().value(), org.rootId(), title, startsAt.atOffset(ZoneOffset.UTC),
                        startsAt.plus(length).atOffset(ZoneOffset.UTC), LocalDate.ofInstant(startsAt, ZoneId.systemDefault()))
                .query(Long.class).single();
        jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)")
                .params(id, MeetingKind.THEME_DAY.name()).update();
        invitees.forEach(m -> invite(id, m));
        return id;
    }

    public void invite(long meetingId, Member m) {
        jdbc.sql("insert into life_invitee (meeting_id, member_id, member_name, voting) values (?, ?, ?, ?)")
                .params(meetingId, m.id(), m.name(), m.status() == MemberStatus.FULL).update();
    }

    public void status(long meetingId, MeetingStatus status) {
        jdbc.sql("update life_meeting set status = ?, recorded_at = case when ? then now() end where id = ?")
                .params(status.name(), status.held(), meetingId).update();
    }

    public void approvedLeave(long meetingId, long memberId) {
        jdbc.sql("""
                        update life_invitee set response = 'LEAVE', leave_reason = '出差', leave_status = 'APPROVED'
                        where meeting_id = ? and member_id = ?""").params(meetingId, memberId).update();
    }

    /** The row as stored: when the member checked in and out (null: not). */
    public record Row(Instant checkedInAt, Instant checkedOutAt, String checkedInBy, LocalDate makeupOn) {
    }

    public Row row(long meetingId, long memberId) {
        return jdbc.sql("""
                        select checked_in_at, checked_out_at, checked_in_by, makeup_on from life_invitee
                        where meeting_id = ? and member_id = ?""")
                .params(meetingId, memberId)
                .query((rs, i) -> new Row(instant(rs.getObject(1, java.time.OffsetDateTime.class)),
                        instant(rs.getObject(2, java.time.OffsetDateTime.class)), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .single();
    }

    public int checkedIn(long meetingId) {
        return jdbc.sql("select count(checked_in_at) from life_invitee where meeting_id = ?").param(meetingId)
                .query(Integer.class).single();
    }

    private static Instant instant(java.time.OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
