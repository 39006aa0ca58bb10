package cn.zhibu.life.internal;

import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.MeetingStatus;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of {@code life_meeting} (V25) that the record reads and changes: the status PLANNED → HELD →
 * CONFIRMED, lateness, the day held and the kinds. Callers check the caller's scope first.
 */
@Repository
public class MeetingRows {

    private static final String SELECT = """
            select m.id, m.org_id, m.org_path, m.title, m.starts_at, m.ends_at, m.held_on, m.place, m.status, m.late,
              m.late_reason, m.recorded_at, m.confirmed_at, m.confirmed_by,
              array(select k.kind from life_meeting_kind k where k.meeting_id = m.id order by k.kind) as kinds
            from life_meeting m""";
    private static final RowMapper<MeetingRow> MAPPER = (rs, i) -> new MeetingRow(rs.getLong("id"),
            rs.getLong("org_id"), rs.getString("org_path"), rs.getString("title"), instant(rs.getTimestamp("starts_at")),
            instant(rs.getTimestamp("ends_at")), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
            MeetingStatus.valueOf(rs.getString("status")), rs.getBoolean("late"), rs.getString("late_reason"),
            instant(rs.getTimestamp("recorded_at")), instant(rs.getTimestamp("confirmed_at")),
            rs.getString("confirmed_by"), kinds(rs.getArray("kinds")));

    private final JdbcClient jdbc;

    MeetingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MeetingRow> find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(MAPPER).optional();
    }

    /** The meeting, its row locked until the transaction ends: one change of its record at a time. */
    public Optional<MeetingRow> lock(long id) {
        return jdbc.sql(SELECT + " where m.id = ? for update of m").param(id).query(MAPPER).optional();
    }

    /** The record was first saved: PLANNED → HELD, on time or late. */
    public void markHeld(long id, boolean late, String lateReason) {
        jdbc.sql("""
                        update life_meeting set status = 'HELD', late = ?, late_reason = ?, recorded_at = now(),
                          version = version + 1, updated_at = now() where id = ? and status = 'PLANNED'""")
                .params(late, lateReason, id).update();
    }

    /** HELD → CONFIRMED: the record is locked. */
    public void confirm(long id, String by) {
        jdbc.sql("""
                        update life_meeting set status = 'CONFIRMED', confirmed_at = now(), confirmed_by = ?,
                          version = version + 1, updated_at = now() where id = ? and status = 'HELD'""")
                .params(by, id).update();
    }

    /** A correction of the day held: the times move by as many days, lateness is judged again. */
    public void moveDay(long id, LocalDate heldOn, long days, boolean late, String lateReason) {
        jdbc.sql("""
                        update life_meeting set held_on = ?, starts_at = starts_at + make_interval(days => ?),
                          ends_at = ends_at + make_interval(days => ?), late = ?, late_reason = ?,
                          version = version + 1, updated_at = now() where id = ?""")
                .params(heldOn, (int) days, (int) days, late, lateReason, id).update();
    }

    public void replaceKinds(long id, Collection<MeetingKind> kinds) {
        jdbc.sql("delete from life_meeting_kind where meeting_id = ?").param(id).update();
        for (MeetingKind k : kinds) {
            jdbc.sql("insert into life_meeting_kind (meeting_id, kind) values (?, ?)").params(id, k.name()).update();
        }
        jdbc.sql("update life_meeting set version = version + 1, updated_at = now() where id = ?").param(id).update();
    }

    /**
     * Records saved but not yet confirmed in the subtree and the caller's scope, the oldest first. The meetings are
     * picked first from an index alone (for a large subtree the walk in date order of life_meeting_unconfirmed_by_day,
     * whose org_path tests the subtree without reading the table: V54; a small one by its own range), then read.
     */
    public List<MeetingRow> unconfirmed(DataScope scope, TreePath subtree, int limit) {
        Map<String, Object> params = DataScope.params();
        String inScope = scope.memberScopeSql("m.org_path", params);
        params.put("lo", subtree.value());
        params.put("hi", subtree.upperBound());
        params.put("limit", limit);
        return jdbc.sql(SELECT + " join (select id, held_on from life_meeting m where m.status = 'HELD'"
                        + " and m.org_path >= :lo and m.org_path < :hi and " + inScope
                        + " order by m.held_on, m.id limit :limit) x on x.id = m.id order by x.held_on, x.id")
                .params(params).query(MAPPER).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<MeetingKind> kinds(Array array) throws SQLException {
        String[] codes = (String[]) array.getArray();
        return codes.length == 0 ? Set.of() : Arrays.stream(codes).map(MeetingKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MeetingKind.class)));
    }
}
