package cn.zhibu.life;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings and invitees written straight into the V25 tables, for the tests of the record and the check-in (built
 * beside the scheduling part): a meeting PLANNED for a real organization, its kinds, and real members invited, checked
 * in by scan, or on approved leave.
 */
@Component
public class MeetingFixture {

    private final JdbcClient jdbc;

    MeetingFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A meeting of the organization starting at {@code startsAt}, two hours long, PLANNED. */
    public long meeting(Organization org, String title, Instant startsAt, MeetingKind... kinds) {
        long id = jdbc.sql("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, place,
                          created_by) values (?, ?, ?, ?, ?, ?, ?, '党员活动室', '测试') returning id""")
                .params(org.id(), org.path().value(), org.rootId(), title, Timestamp.from(startsAt),
                        Timestamp.from(startsAt.plus(Duration.ofHours(2))),
                        startsAt.atZone(ZoneId.systemDefault()).toLocalDate())
                .query(Long.class).single();
        for (MeetingKind k : Set.of(kinds)) {
            jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)").params(id, k.name()).update();
        }
        return id;
    }

    /**
     * A meeting that started {@code daysAgo} days ago, on that day: an hour earlier in the day than now, or at its
     * midnight when now is within the day's first hour (an hour earlier would be the day before).
     */
    public long heldDaysAgo(Organization org, String title, int daysAgo, MeetingKind... kinds) {
        Instant start = Instant.now().minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(1));
        Instant dayStart = LocalDate.now().minusDays(daysAgo).atStartOfDay(ZoneId.systemDefault()).toInstant();
        return meeting(org, title, start.isBefore(dayStart) ? dayStart : start, kinds);
    }

    public void invite(long meetingId, Member member, boolean voting) {
        invite(meetingId, member.id(), member.name(), voting);
    }

    public void invite(long meetingId, long memberId, String name, boolean voting) {
        jdbc.sql("insert into life_invitee (meeting_id, member_id, member_name, voting) values (?, ?, ?, ?)")
                .params(meetingId, memberId, name, voting).update();
    }

    /** The member scanned the meeting's code. */
    public void checkIn(long meetingId, long memberId) {
        jdbc.sql("update life_invitee set checked_in_at = now() where meeting_id = ? and member_id = ?")
                .params(meetingId, memberId).update();
    }

    /** The member asked leave and the secretary approved it. */
    public void leave(long meetingId, long memberId) {
        jdbc.sql("""
                        update life_invitee set response = 'LEAVE', leave_reason = '出差', leave_status = 'APPROVED',
                          leave_decided_by = '测试', leave_decided_at = now() where meeting_id = ? and member_id = ?""")
                .params(meetingId, memberId).update();
    }

    public String status(long meetingId) {
        return jdbc.sql("select status from life_meeting where id = ?").param(meetingId).query(String.class).single();
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

    /** Sets the status as if the record had been saved (HELD, CONFIRMED) or the meeting cancelled. */
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
