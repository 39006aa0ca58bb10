package cn.zhibu.life;

import cn.zhibu.member.Member;
import cn.zhibu.organization.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * Meetings and invitees written straight into the V25 tables, for the record's tests while the scheduling part
 * (MeetingService) is built beside it: a meeting PLANNED for a real organization, its kinds, and real members
 * invited, checked in by scan, or on approved leave.
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

    /** A meeting that started {@code daysAgo} days ago (an hour earlier in the day than now). */
    public long heldDaysAgo(Organization org, String title, int daysAgo, MeetingKind... kinds) {
        return meeting(org, title, Instant.now().minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(1)), kinds);
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
}
