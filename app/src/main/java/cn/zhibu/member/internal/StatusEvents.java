package cn.zhibu.member.internal;

import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.RemovalGround;
import cn.zhibu.member.StatusEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/** The status history of memberships: appended, never changed. */
@Repository
public class StatusEvents {

    private static final org.springframework.jdbc.core.RowMapper<StatusEvent> EVENT = (rs, i) -> new StatusEvent(
            rs.getLong("id"), rs.getLong("member_id"), StatusChangeKind.valueOf(rs.getString("kind")),
            rs.getString("from_status"), rs.getString("to_status"), rs.getObject("effective_on", LocalDate.class),
            rs.getString("reason"), rs.getString("document_ref"), rs.getString("approved_by"),
            rs.getString("recorded_by"), rs.getObject("recorded_at", Timestamp.class).toInstant(),
            rs.getObject("deadline", LocalDate.class),
            rs.getString("ground") == null ? null : RemovalGround.valueOf(rs.getString("ground")));

    private final JdbcClient jdbc;

    StatusEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the event and returns it as stored (the insert returns the row: no read after it). */
    public StatusEvent append(MemberRow member, StatusChange change, String fromStatus, String toStatus,
                              String recordedBy) {
        return jdbc.sql("""
                        insert into member_status_event (member_id, org_id, org_path, kind, from_status, to_status,
                                                         effective_on, reason, document_ref, approved_by, recorded_by,
                                                         deadline, ground)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *""")
                .params(member.id(), member.orgId(), member.orgPath(), change.kind().name(), fromStatus, toStatus,
                        change.effectiveOn(), change.reason().strip(), blankToNull(change.documentRef()),
                        blankToNull(change.approvedBy()), recordedBy, change.deadline(),
                        change.ground() == null ? null : change.ground().name())
                .query(EVENT).single();
    }

    public List<StatusEvent> of(long memberId) {
        return jdbc.sql("select * from member_status_event where member_id = ? order by id").param(memberId)
                .query(EVENT).list();
    }

    /**
     * R6: 限期改正 of members in a subtree whose deadline has come with nothing decided since: member id, name,
     * organization id and name, deadline.
     */
    /** A 限期改正 whose deadline has come (R6), with the member and their organization. */
    public record CorrectionDue(long memberId, String name, long orgId, String orgName, String orgPath,
                                LocalDate deadline) {
    }

    public List<CorrectionDue> correctionsDue(cn.zhibu.platform.TreePath subtree, LocalDate today, int limit) {
        return jdbc.sql("""
                        select m.id, m.name, m.org_id, o.name as org_name, m.org_path, e.deadline from member_status_event e
                        join member m on m.id = e.member_id join organization o on o.id = m.org_id
                        where e.kind = 'CORRECTION' and e.deadline <= ? and m.org_path >= ? and m.org_path < ?
                          and not exists (select 1 from member_status_event later
                                          where later.member_id = e.member_id and later.id > e.id)
                        order by e.deadline, e.id limit ?""")
                .params(today, subtree.value(), subtree.upperBound(), limit)
                .query((rs, i) -> new CorrectionDue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** D11: the end of the member's extended probation, if it was extended. */
    public java.util.Optional<LocalDate> probationExtendedTo(long memberId) {
        return java.util.Optional.ofNullable(probationsExtendedTo(java.util.List.of(memberId)).get(memberId));
    }

    /** D11: of these members, the end of each one's extended probation (those never extended are absent). */
    public java.util.Map<Long, LocalDate> probationsExtendedTo(java.util.Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("""
                        select member_id, max(deadline) from member_status_event
                        where kind = 'EXTEND_PROBATION' and member_id = any(?) group by member_id""")
                .param(memberIds.toArray(Long[]::new))
                .query((rs, i) -> java.util.Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Of these members, those under 留党察看 on the day (from its effective date until the end of the period). */
    public java.util.Set<Long> underPartyProbation(java.util.Collection<Long> memberIds, LocalDate day) {
        if (memberIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct member_id from member_status_event
                        where kind = 'PARTY_PROBATION' and member_id = any(?) and effective_on <= ? and deadline > ?""")
                .params(memberIds.toArray(Long[]::new), day, day).query(Long.class).list());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
