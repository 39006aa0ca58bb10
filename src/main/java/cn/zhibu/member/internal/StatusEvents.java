package cn.zhibu.member.internal;

import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.StatusEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/** The status history of memberships: appended, never changed. */
@Repository
public class StatusEvents {

    private final JdbcClient jdbc;

    StatusEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long append(MemberRow member, StatusChange change, String fromStatus, String toStatus, String recordedBy) {
        return jdbc.sql("""
                        insert into member_status_event (member_id, org_id, org_path, kind, from_status, to_status,
                                                         effective_on, reason, document_ref, approved_by, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(member.id(), member.orgId(), member.orgPath(), change.kind().name(), fromStatus, toStatus,
                        change.effectiveOn(), change.reason().strip(), blankToNull(change.documentRef()),
                        blankToNull(change.approvedBy()), recordedBy)
                .query(Long.class).single();
    }

    public List<StatusEvent> of(long memberId) {
        return jdbc.sql("select * from member_status_event where member_id = ? order by id").param(memberId)
                .query((rs, i) -> new StatusEvent(rs.getLong("id"), rs.getLong("member_id"),
                        StatusChangeKind.valueOf(rs.getString("kind")), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getObject("effective_on", LocalDate.class),
                        rs.getString("reason"), rs.getString("document_ref"), rs.getString("approved_by"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", Timestamp.class).toInstant()))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
