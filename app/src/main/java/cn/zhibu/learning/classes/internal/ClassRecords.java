package cn.zhibu.learning.classes.internal;

import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.Enrolment;
import cn.zhibu.learning.classes.SessionAttendance;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of 培训班: {@code learning_class}, {@code class_session}, {@code class_enrolment},
 * {@code class_attendance}. Reads by id return the row and leave the scope decision to the service; lists take the
 * caller's scope as path ranges.
 */
@Repository
public class ClassRecords {

    private static final String SELECT_CLASS = """
            select c.*, o.name as org_name,
                   (select coalesce(sum(s.hours), 0) from class_session s where s.class_id = c.id) as total_hours,
                   (select count(*) from class_session s where s.class_id = c.id) as session_count,
                   (select count(*) from class_enrolment e where e.class_id = c.id) as enrolled_count
            from learning_class c join organization o on o.id = c.org_id""";
    private static final String SELECT_SESSION = "select * from class_session";

    private final JdbcClient jdbc;

    ClassRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertClass(long orgId, TreePath path, long rootId, String title, String place, LocalDate startsOn,
                            LocalDate endsOn, boolean concentrated, String by) {
        return jdbc.sql("""
                        insert into learning_class (org_id, org_path, root_id, title, place, starts_on, ends_on,
                                                    concentrated, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, path.value(), rootId, title, place, startsOn, endsOn, concentrated, by)
                .query(Long.class).single();
    }

    public Optional<TrainingClass> findClass(long id) {
        return jdbc.sql(SELECT_CLASS + " where c.id = ?").param(id).query(ClassRecords::mapClass).optional();
    }

    /** The class's row, locked: changes of its sessions, enrolment and attendance queue, so outcomes stay exact. */
    public void lockClass(long id) {
        jdbc.sql("select id from learning_class where id = ? for update").param(id).query(Long.class).optional();
    }

    /** Classes of the subtrees the caller manages, newest first. */
    public List<TrainingClass> managed(DataScope scope, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = scope.memberScopeSql("c.org_path", params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT_CLASS + " where " + where + " order by c.starts_on desc, c.id desc limit :limit offset :offset")
                .params(params).query(ClassRecords::mapClass).list();
    }

    public long countManaged(DataScope scope) {
        Map<String, Object> params = DataScope.params();
        return jdbc.sql("select count(*) from learning_class c where " + scope.memberScopeSql("c.org_path", params))
                .params(params).query(Long.class).single();
    }

    /** The classes a member is enrolled in, newest first. */
    public List<TrainingClass> ofMember(long memberId, int limit) {
        return jdbc.sql(SELECT_CLASS + " where c.id in (select class_id from class_enrolment where member_id = ?)"
                        + " order by c.starts_on desc, c.id desc limit ?")
                .params(memberId, limit).query(ClassRecords::mapClass).list();
    }

    public long insertSession(long classId, String title, Instant startsAt, Instant endsAt, BigDecimal hours,
                              Long meetingId) {
        return jdbc.sql("""
                        insert into class_session (class_id, title, starts_at, ends_at, hours, meeting_id)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(classId, title, OffsetDateTime.ofInstant(startsAt, java.time.ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(endsAt, java.time.ZoneOffset.UTC), hours, meetingId)
                .query(Long.class).single();
    }

    public List<ClassSession> sessions(long classId) {
        return jdbc.sql(SELECT_SESSION + " where class_id = ? order by starts_at, id").param(classId)
                .query(ClassRecords::mapSession).list();
    }

    public Optional<ClassSession> findSession(long id) {
        return jdbc.sql(SELECT_SESSION + " where id = ?").param(id).query(ClassRecords::mapSession).optional();
    }

    /** Sessions starting in [from, to) of the classes a member is enrolled in (the inbox's "today"). */
    public List<ClassSession> sessionsOfMember(long memberId, Instant from, Instant to) {
        return jdbc.sql(SELECT_SESSION + " " + """
                         where class_id in (select class_id from class_enrolment where member_id = ?)
                           and starts_at >= ? and starts_at < ? order by starts_at""")
                .params(memberId, utc(from), utc(to)).query(ClassRecords::mapSession).list();
    }

    /** Where members of the registry belong now (V32 registry_member), for those of the ids in it. */
    public Map<Long, Placement> placements(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Placement> found = new java.util.HashMap<>();
        jdbc.sql("select member_id, org_id, org_path from registry_member where member_id in (:ids)"
                        + " and status in ('FULL', 'PROBATIONARY')")
                .param("ids", memberIds)
                .query((rs, i) -> found.put(rs.getLong(1), new Placement(rs.getLong(2), rs.getString(3)))).list();
        return found;
    }

    public record Placement(long orgId, String orgPath) {
    }

    public boolean enrol(long classId, long memberId, String name, long orgId, String by) {
        return jdbc.sql("""
                        insert into class_enrolment (class_id, member_id, member_name, org_id, enrolled_by)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(classId, memberId, name, orgId, by).update() == 1;
    }

    public boolean hasAttendance(long classId, long memberId) {
        return jdbc.sql("select exists (select 1 from class_attendance where class_id = ? and member_id = ?)")
                .params(classId, memberId).query(Boolean.class).single();
    }

    public void unenrol(long classId, long memberId) {
        jdbc.sql("delete from class_enrolment where class_id = ? and member_id = ?").params(classId, memberId).update();
    }

    public List<Enrolment> enrolments(long classId) {
        return jdbc.sql(ENROLMENT + " where e.class_id = ? order by e.member_name, e.member_id")
                .param(classId).query(ClassRecords::mapEnrolment).list();
    }

    public Optional<Enrolment> enrolment(long classId, long memberId) {
        return jdbc.sql(ENROLMENT + " where e.class_id = ? and e.member_id = ?")
                .params(classId, memberId).query(ClassRecords::mapEnrolment).optional();
    }

    /** Every enrolled member at one session, by name, with their times (none yet for those who have not come). */
    public List<SessionAttendance> sheet(ClassSession session) {
        return jdbc.sql("""
                        select e.member_id, e.member_name, a.checked_in_at, a.checked_in_by, a.checked_in_reason,
                               a.checked_out_at, a.checked_out_by, a.checked_out_reason
                        from class_enrolment e
                        left join class_attendance a on a.session_id = ? and a.member_id = e.member_id
                        where e.class_id = ? order by e.member_name, e.member_id""")
                .params(session.id(), session.classId()).query((rs, i) -> mapAttendance(rs, session)).list();
    }

    public Optional<SessionAttendance> attendance(ClassSession session, long memberId) {
        return jdbc.sql("""
                        select e.member_id, e.member_name, a.checked_in_at, a.checked_in_by, a.checked_in_reason,
                               a.checked_out_at, a.checked_out_by, a.checked_out_reason
                        from class_enrolment e
                        left join class_attendance a on a.session_id = ? and a.member_id = e.member_id
                        where e.class_id = ? and e.member_id = ?""")
                .params(session.id(), session.classId(), memberId).query((rs, i) -> mapAttendance(rs, session))
                .optional();
    }

    /** Sets (or corrects) both times of one member at one session; nulls clear them. */
    public void setTimes(ClassSession session, long memberId, Instant in, String inBy, String inReason, Instant out,
                         String outBy, String outReason) {
        jdbc.sql("""
                        insert into class_attendance (session_id, member_id, class_id, checked_in_at, checked_in_by,
                                                      checked_in_reason, checked_out_at, checked_out_by,
                                                      checked_out_reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (session_id, member_id) do update set
                            checked_in_at = excluded.checked_in_at, checked_in_by = excluded.checked_in_by,
                            checked_in_reason = excluded.checked_in_reason,
                            checked_out_at = excluded.checked_out_at, checked_out_by = excluded.checked_out_by,
                            checked_out_reason = excluded.checked_out_reason""")
                .params(session.id(), memberId, session.classId(), utc(in), inBy, inReason, utc(out), outBy, outReason)
                .update();
    }

    /** A member's times at every session of a class, by session id. */
    public Map<Long, Instant[]> timesOfMember(long classId, long memberId) {
        Map<Long, Instant[]> times = new java.util.HashMap<>();
        jdbc.sql("select session_id, checked_in_at, checked_out_at from class_attendance where class_id = ? and member_id = ?")
                .params(classId, memberId)
                .query((rs, i) -> times.put(rs.getLong(1), new Instant[]{instant(rs, "checked_in_at"),
                        instant(rs, "checked_out_at")})).list();
        return times;
    }

    public void setOutcome(long classId, long memberId, BigDecimal attended, boolean completed) {
        jdbc.sql("update class_enrolment set attended_hours = ?, completed = ? where class_id = ? and member_id = ?")
                .params(attended, completed, classId, memberId).update();
    }

    /** An organization moved: its classes follow (enrolments name their organization only, V52: untouched). */
    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "learning_class", oldPath, newPath, newRootId);
    }

    /** An enrolment names the member's organization at enrolment; its path (now) comes from the organization. */
    private static final String ENROLMENT = "select e.*, o.path as org_path from class_enrolment e"
            + " join organization o on o.id = e.org_id";

    private static TrainingClass mapClass(ResultSet rs, int i) throws SQLException {
        return new TrainingClass(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
                rs.getString("org_path"), rs.getString("title"), rs.getString("place"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getBoolean("concentrated"), rs.getBigDecimal("total_hours"),
                rs.getInt("session_count"), rs.getInt("enrolled_count"), rs.getString("created_by"));
    }

    private static ClassSession mapSession(ResultSet rs, int i) throws SQLException {
        return new ClassSession(rs.getLong("id"), rs.getLong("class_id"), rs.getString("title"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getBigDecimal("hours"),
                rs.getObject("meeting_id", Long.class));
    }

    private static Enrolment mapEnrolment(ResultSet rs, int i) throws SQLException {
        return new Enrolment(rs.getLong("class_id"), rs.getLong("member_id"), rs.getString("member_name"),
                rs.getLong("org_id"), rs.getString("org_path"), rs.getBigDecimal("attended_hours"),
                rs.getBoolean("completed"));
    }

    private static SessionAttendance mapAttendance(ResultSet rs, ClassSession session) throws SQLException {
        Instant in = instant(rs, "checked_in_at");
        Instant out = instant(rs, "checked_out_at");
        return new SessionAttendance(session.id(), rs.getLong("member_id"), rs.getString("member_name"), in,
                rs.getString("checked_in_by"), rs.getString("checked_in_reason"), out, rs.getString("checked_out_by"),
                rs.getString("checked_out_reason"),
                cn.zhibu.learning.classes.SessionHours.credited(cn.zhibu.learning.classes.SessionHours.attended(session, in, out)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }
}
