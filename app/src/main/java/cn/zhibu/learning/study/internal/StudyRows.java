package cn.zhibu.learning.study.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code study_session} and {@code study_day} tables (V42), and the study columns of {@code course_progress}
 * (V40). Reads {@code course} and the member module's {@code registry_member} view as LEARNING.md says. Every time
 * here is the server's, passed in from the application's clock; nothing the client sends is a time.
 */
@Repository
public class StudyRows {

    private final JdbcClient jdbc;

    StudyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a member of the registry (正式 and 预备) belongs now. */
    public record Registered(long orgId, String orgPath) {
    }

    public Optional<Registered> registered(long memberId) {
        return jdbc.sql("select org_id, org_path from registry_member where member_id = ?").param(memberId)
                .query((rs, i) -> new Registered(rs.getLong(1), rs.getString(2))).optional();
    }

    /** A published course addressed to a member: to everyone, or to one of the member path's prefixes. */
    public record AddressedCourse(long id, String title, int creditSeconds) {
    }

    public Optional<AddressedCourse> addressedCourse(long courseId, List<String> memberPathPrefixes) {
        return jdbc.sql("""
                        select id, title, credit_seconds from course
                        where id = :id and status = 'PUBLISHED' and (audience = 'EVERYONE' or org_path in (:prefixes))""")
                .param("id", courseId).param("prefixes", memberPathPrefixes)
                .query((rs, i) -> new AddressedCourse(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional();
    }

    /** Ends the member's active sessions as taken over; their ids. */
    public List<Long> takeOver(long memberId, Instant now) {
        return jdbc.sql("""
                        update study_session set ended_at = ?, end_reason = 'TAKEN_OVER'
                        where member_id = ? and ended_at is null returning id""")
                .params(at(now), memberId).query(Long.class).list();
    }

    /** The member's progress row on the course, made at the first study with the member's organization. */
    public void ensureProgress(long memberId, long courseId, Registered where, Instant now) {
        jdbc.sql("""
                        insert into course_progress (member_id, course_id, org_id, started_at, updated_at)
                        values (?, ?, ?, ?, ?) on conflict (member_id, course_id) do nothing""")
                .params(memberId, courseId, where.orgId(), at(now), at(now)).update();
    }

    public long insertSession(long memberId, long courseId, Registered where, String device, String tokenHash,
                              Instant now) {
        return jdbc.sql("""
                        insert into study_session (member_id, course_id, org_id, org_path, device, token_hash,
                                                   started_at, last_beat_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(memberId, courseId, where.orgId(), where.orgPath(), device, tokenHash, at(now), at(now))
                .query(Long.class).single();
    }

    /** Where the member stands on a course and today. */
    public record Standing(int courseCredited, int courseSeconds, int positionSeconds, boolean completed,
                           int dayCredited) {
    }

    public Standing standing(long memberId, long courseId, LocalDate day) {
        return jdbc.sql("""
                        select p.credited_seconds, c.credit_seconds, p.position_seconds, p.completed_at is not null,
                               coalesce((select credited_seconds from study_day where member_id = :member and day = :day), 0)
                        from course_progress p join course c on c.id = p.course_id
                        where p.member_id = :member and p.course_id = :course""")
                .param("member", memberId).param("course", courseId).param("day", day)
                .query((rs, i) -> new Standing(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getInt(5)))
                .single();
    }

    /** What the beat statement needs: the session, the token it carries and the next one, the rules' figures. */
    public record BeatInput(long sessionId, long memberId, String tokenHash, String nextTokenHash, boolean visible,
                            int position, Instant now, LocalDate day, int earlySeconds, int capSeconds,
                            int dailyCapSeconds, Instant expiredBefore) {
    }

    /** What an accepted beat did; {@code completedNow} only for the beat that completed the course. */
    public record BeatOutcome(int credited, int courseCredited, int courseSeconds, boolean completed,
                              boolean completedNow, int dailyRemaining, long courseId, String title,
                              BigDecimal hours, boolean required) {
    }

    /**
     * One beat as one statement: the session, course, progress and day rows read; the credit decided (server time
     * since the last beat that moved the clock, 0 when early or hidden, capped by the per-beat cap, the course's
     * remaining seconds and the day's); the session's token replaced and its clock moved (not by an early beat), the
     * progress and the day credited — or nothing at all when the token is not the active session's current one.
     * Two beats with the same token: the second waits on the session row and then no longer matches its token. Commits
     * without waiting for the disk (synchronous_commit off, LEARNING.md: a crash may lose the last beat's seconds).
     * The statement is the database function {@code study_beat} (V55), so that its plan is reused without a
     * statement of its own asking for that.
     */
    public Optional<BeatOutcome> beat(BeatInput in) {
        return jdbc.sql("""
                        select * from study_beat(:session, :member, :token, :next, :now, :day, :expiredBefore, :early,
                                                 :visible, :cap, :dailyCap, :position)""")
                .param("now", at(in.now())).param("day", in.day()).param("session", in.sessionId())
                .param("member", in.memberId()).param("token", in.tokenHash()).param("next", in.nextTokenHash())
                .param("expiredBefore", at(in.expiredBefore())).param("early", in.earlySeconds())
                .param("visible", in.visible()).param("cap", in.capSeconds()).param("dailyCap", in.dailyCapSeconds())
                .param("position", in.position())
                .query((rs, i) -> new BeatOutcome(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5), Math.max(0, rs.getInt(6)), rs.getLong(7), rs.getString(8),
                        rs.getBigDecimal(9), rs.getBoolean(10)))
                .optional();
    }

    /** A session as the refusal of a beat needs it: whose, whether and why it ended, its token, its clock. */
    public record SessionState(long memberId, String endReason, String tokenHash, Instant lastBeatAt) {
    }

    public Optional<SessionState> session(long sessionId) {
        return jdbc.sql("select member_id, end_reason, token_hash, last_beat_at from study_session where id = ?")
                .param(sessionId)
                .query((rs, i) -> new SessionState(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Ends an active session; false when it had already ended. */
    public boolean end(long sessionId, String reason, Instant now) {
        return jdbc.sql("""
                        update study_session set ended_at = ?, end_reason = ? where id = ? and ended_at is null""")
                .params(at(now), reason, sessionId).update() == 1;
    }

    /** What the audit entry of an ended session shows. */
    public record Ended(String orgPath, long courseId, String device, int creditedSeconds) {
    }

    public Ended ended(long sessionId) {
        return jdbc.sql("select org_path, course_id, device, credited_seconds from study_session where id = ?")
                .param(sessionId)
                .query((rs, i) -> new Ended(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).single();
    }

    /** A completion is made durable even though beats commit asynchronously. */
    public void commitDurably() {
        jdbc.sql("select set_config('synchronous_commit', 'on', true)").query(String.class).single();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
