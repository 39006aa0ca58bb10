package cn.zhibu.learning.points.internal;

import cn.zhibu.learning.points.PointsAction;
import cn.zhibu.learning.points.PointsCategory;
import cn.zhibu.learning.points.PointsEntry;
import cn.zhibu.learning.points.PointsRule;
import cn.zhibu.learning.points.PointsScheme;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The points tables: {@code points_scheme}, {@code points_rule}, {@code points_entry} (append-only). */
@Repository
public class PointsRecords {

    /** The advisory lock space of a member's points (writes of one member queue, so the caps hold). */
    private static final long LOCK_SPACE = 0x4C31_0000_0000_0000L;

    private final JdbcClient jdbc;

    PointsRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a member of the registry belongs now (V32 registry_member). */
    public Optional<Placement> placement(long memberId) {
        return jdbc.sql("select org_id, org_path from registry_member where member_id = ?"
                        + " and status in ('FULL', 'PROBATIONARY')").param(memberId)
                .query((rs, i) -> new Placement(rs.getLong(1), rs.getString(2))).optional();
    }

    public record Placement(long orgId, String orgPath) {
    }

    public void lockMember(long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_SPACE ^ memberId).query((rs, i) -> 1).single();
    }

    /**
     * The scheme of a member at this path for the year: of the nearest organization on the path (its prefixes, never
     * LIKE), else the default; for the year itself before one for any year.
     */
    public PointsScheme scheme(TreePath memberPath, int year) {
        List<String> prefixes = new ArrayList<>();
        StringBuilder p = new StringBuilder("/");
        for (long id : memberPath.ids()) {
            p.append(id).append('/');
            prefixes.add(p.toString());
        }
        PointsScheme s = jdbc.sql("""
                        select * from points_scheme
                        where (org_path is null or org_path in (:prefixes)) and (year = :year or year is null)
                        order by org_path is null, length(org_path) desc, year is null limit 1""")
                .param("prefixes", prefixes).param("year", year)
                .query((rs, i) -> mapScheme(rs)).single();
        return s;
    }

    private PointsScheme mapScheme(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Map<PointsAction, PointsRule> rules = new EnumMap<>(PointsAction.class);
        jdbc.sql("select * from points_rule where scheme_id = ?").param(id).query((r, i) -> {
            PointsAction a = PointsAction.valueOf(r.getString("action"));
            return rules.put(a, new PointsRule(a, PointsCategory.valueOf(r.getString("category")), r.getInt("points"),
                    r.getObject("day_cap", Integer.class), r.getObject("year_cap", Integer.class)));
        }).list();
        return new PointsScheme(id, rs.getObject("year", Integer.class), rs.getObject("org_id", Long.class),
                rs.getInt("base_max"), rs.getInt("task_max"), rs.getInt("reward_max"), rs.getString("source"), rules);
    }

    /** The sum of applied points per category of a member's year (categories without entries: 0). */
    public Map<PointsCategory, Integer> sums(long memberId, int year) {
        Map<PointsCategory, Integer> sums = new EnumMap<>(PointsCategory.class);
        for (PointsCategory c : PointsCategory.values()) {
            sums.put(c, 0);
        }
        jdbc.sql("select category, sum(points) from points_entry where member_id = ? and year = ? group by category")
                .params(memberId, year)
                .query((rs, i) -> sums.put(PointsCategory.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return sums;
    }

    /** Applied points of one source kind, not reversed, earned in [from, to]. */
    public int earned(long memberId, String sourceKind, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(sum(e.points), 0) from points_entry e
                        where e.member_id = ? and e.source_kind = ? and e.earned_on between ? and ?
                          and not exists (select 1 from points_entry r where r.reverses = e.id)""")
                .params(memberId, sourceKind, from, to).query(Integer.class).single();
    }

    /** The latest entry of a source (its last occurrence), if any. */
    public Optional<PointsEntry> latestOfSource(long memberId, String sourceKind, long sourceId) {
        return jdbc.sql(SELECT + " where e.member_id = ? and e.source_kind = ? and e.source_id = ?"
                        + " order by e.occurrence desc limit 1")
                .params(memberId, sourceKind, sourceId).query(PointsRecords::map).optional();
    }

    public Optional<PointsEntry> entry(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(PointsRecords::map).optional();
    }

    public long nextId() {
        return jdbc.sql("select nextval('points_entry_seq')").query(Long.class).single();
    }

    public void insert(long id, long memberId, Placement at, int year, PointsCategory category, int requested,
                       int points, String reason, String sourceKind, long sourceId, int occurrence, Long reverses,
                       LocalDate earnedOn, String by) {
        jdbc.sql("""
                        insert into points_entry (id, member_id, org_id, year, category, requested, points,
                                                  reason, source_kind, source_id, occurrence, reverses, earned_on,
                                                  recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, memberId, at.orgId(), year, category.name(), requested, points, reason,
                        sourceKind, sourceId, occurrence, reverses, earnedOn, by).update();
    }

    /** The row reversing another: the same member, place, year and category, the opposite points. */
    public void insertReversal(long id, long reversedId, String reason, LocalDate on, String by) {
        jdbc.sql("""
                        insert into points_entry (id, member_id, org_id, year, category, requested, points,
                                                  reason, source_kind, source_id, occurrence, reverses, earned_on,
                                                  recorded_by)
                        select ?, member_id, org_id, year, category, -points, -points, ?, 'REVERSAL', id, 1,
                               id, ?, ?
                        from points_entry where id = ?""")
                .params(id, reason, on, by, reversedId).update();
    }

    /** A member's entries of a year, newest first. */
    public List<PointsEntry> entries(long memberId, int year) {
        return jdbc.sql(SELECT + " where e.member_id = ? and e.year = ? order by e.id desc").params(memberId, year)
                .query(PointsRecords::map).list();
    }

    /** Totals of a year for the given members (those without entries are absent). */
    public Map<Long, Map<PointsCategory, Integer>> sums(Collection<Long> memberIds, int year) {
        Map<Long, Map<PointsCategory, Integer>> sums = new HashMap<>();
        if (memberIds.isEmpty()) {
            return sums;
        }
        jdbc.sql("""
                        select member_id, category, sum(points) from points_entry
                        where member_id in (:ids) and year = :year group by member_id, category""")
                .param("ids", memberIds).param("year", year)
                .query((rs, i) -> sums.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(PointsCategory.class))
                        .put(PointsCategory.valueOf(rs.getString(2)), rs.getInt(3))).list();
        return sums;
    }

    /** An organization moved: its schemes follow (ledger rows name their organization only, V52: untouched). */
    public void rewritePaths(TreePath oldPath, TreePath newPath) {
        SubtreeRewrite.rewrite(jdbc, "points_scheme", oldPath, newPath, null);
    }

    private static final String SELECT = """
            select e.*, exists (select 1 from points_entry r where r.reverses = e.id) as reversed
            from points_entry e""";

    private static PointsEntry map(ResultSet rs, int i) throws SQLException {
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        return new PointsEntry(rs.getLong("id"), rs.getLong("member_id"), rs.getInt("year"),
                PointsCategory.valueOf(rs.getString("category")), rs.getInt("requested"), rs.getInt("points"),
                rs.getString("reason"), rs.getString("source_kind"), rs.getLong("source_id"), rs.getInt("occurrence"),
                rs.getObject("reverses", Long.class), rs.getBoolean("reversed"),
                rs.getObject("earned_on", LocalDate.class), rs.getString("recorded_by"), at.toInstant());
    }
}
