package cn.zhibu.life.talk.internal;

import cn.zhibu.life.talk.Talk;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code life_talk} table. Lists take the caller's scope (managed subtrees as path ranges, and the talks the caller
 * was in); reads by id return the row and leave the scope decision to the service.
 */
@Repository
public class TalkRecords {

    private static final String SELECT = "select t.*, o.name as org_name from life_talk t join organization o on o.id = t.org_id";

    private final JdbcClient jdbc;

    TalkRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the pair lower id first (V30), whichever way it was given. */
    public long insert(long orgId, TreePath orgPath, long rootId, LocalDate heldOn, long aId, String aName, long bId,
                       String bName, String topic, String note, String recordedBy, long recordedByUser) {
        boolean ordered = aId < bId;
        return jdbc.sql("""
                        insert into life_talk (org_id, org_path, root_id, held_on, first_member_id, first_member_name,
                                               second_member_id, second_member_name, topic, note, recorded_by, recorded_by_user)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(orgId, orgPath.value(), rootId, heldOn, ordered ? aId : bId, ordered ? aName : bName,
                        ordered ? bId : aId, ordered ? bName : aName, topic, note, recordedBy, recordedByUser)
                .query(Long.class).single();
    }

    public Optional<Talk> find(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** Who recorded the talk (their user id), for the right to delete it. */
    public Optional<Long> recordedByUser(long id) {
        return jdbc.sql("select recorded_by_user from life_talk where id = ?").param(id).query(Long.class).optional();
    }

    public void delete(long id) {
        jdbc.sql("delete from life_talk where id = ?").param(id).update();
    }

    /** The talks the caller may see — of the subtrees they manage, and those they were in — latest first. */
    public List<Talk> visible(DataScope scope, TreePath within, Integer year, int limit, long offset) {
        Map<String, Object> params = DataScope.params();
        String where = visibleWhere(scope, within, year, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + " where " + where + " order by t.held_on desc, t.id desc limit :limit offset :offset")
                .params(params).query((rs, i) -> map(rs)).list();
    }

    public long countVisible(DataScope scope, TreePath within, Integer year) {
        Map<String, Object> params = DataScope.params();
        String where = visibleWhere(scope, within, year, params);
        return jdbc.sql("select count(*) from life_talk t where " + where).params(params).query(Long.class).single();
    }

    private static String visibleWhere(DataScope scope, TreePath within, Integer year, Map<String, Object> params) {
        String where = scope.memberScopeSql("t.org_path", params);
        if (!scope.all() && scope.selfMemberId() != null) {
            where = "(" + where + " or t.first_member_id = :self or t.second_member_id = :self)";
            params.put("self", scope.selfMemberId());
        }
        if (within != null) {
            where += " and t.org_path >= :withinLo and t.org_path < :withinHi";
            params.put("withinLo", within.value());
            params.put("withinHi", within.upperBound());
        }
        if (year != null) {
            where += " and t.held_on >= :from and t.held_on < :to";
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("to", LocalDate.of(year + 1, 1, 1));
        }
        return where;
    }

    /** Every talk of one branch in a year (coverage reads them all: a branch has tens, not thousands). */
    public List<Talk> ofBranch(long orgId, int year) {
        return jdbc.sql(SELECT + " where t.org_id = ? and t.held_on >= ? and t.held_on < ? order by t.held_on, t.id")
                .params(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query((rs, i) -> map(rs)).list();
    }

    /** An organization moved: the talks of its subtree follow it. */
    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        SubtreeRewrite.rewrite(jdbc, "life_talk", oldPath, newPath, newRootId);
    }

    private static Talk map(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
        return new Talk(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("org_path"),
                rs.getObject("held_on", LocalDate.class), rs.getLong("first_member_id"),
                rs.getString("first_member_name"), rs.getLong("second_member_id"), rs.getString("second_member_name"),
                rs.getString("topic"), rs.getString("note"), rs.getString("recorded_by"),
                at == null ? null : at.toInstant());
    }
}
