package cn.zhibu.organization.internal;

import cn.zhibu.organization.Committee;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.CommitteeSeat;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationCategory;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import cn.zhibu.platform.db.ReadOnlyMemo;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain SQL over the organization tables. Subtrees are always path ranges, never recursive walks. */
@Repository
public class OrganizationRepository {

    private static final String COLUMNS = """
            o.id, o.parent_id, o.root_id, o.path, o.depth, o.name, o.short_name, o.type, o.category, o.unit_name,
            o.covered_units, o.established_on, o.sort_order, o.status, o.dissolved_on, o.dissolved_reason, o.version,
            exists(select 1 from organization c where c.parent_id = o.id and c.status = 'ACTIVE') as has_children""";

    static final RowMapper<Organization> MAPPER = (rs, i) -> new Organization(
            rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getLong("root_id"),
            new TreePath(rs.getString("path")), rs.getInt("depth"), rs.getString("name"),
            rs.getString("short_name"), OrganizationType.valueOf(rs.getString("type")),
            OrganizationCategory.valueOf(rs.getString("category")), rs.getString("unit_name"),
            (Integer) rs.getObject("covered_units"), rs.getObject("established_on", LocalDate.class),
            rs.getInt("sort_order"), "ACTIVE".equals(rs.getString("status")),
            rs.getObject("dissolved_on", LocalDate.class), rs.getString("dissolved_reason"), rs.getInt("version"),
            rs.getBoolean("has_children"));

    private final JdbcClient jdbc;
    private final ReadOnlyMemo<Long, Optional<Organization>> byId = new ReadOnlyMemo<>();

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Read once per read-only transaction (the inbox's sources each look the organization up). */
    public Optional<Organization> find(long id) {
        return byId.get(id, key -> jdbc.sql("select " + COLUMNS + " from organization o where o.id = ?").param(key)
                .query(MAPPER).optional());
    }

    /** Locks the row against concurrent moves while data is attached to its path. */
    public Optional<Organization> findForShare(long id) {
        return jdbc.sql("select " + COLUMNS + " from organization o where o.id = ? for share of o")
                .param(id).query(MAPPER).optional();
    }

    /** Active organizations with one of these exact names within the caller's member scope. */
    public List<Organization> findByNames(DataScope scope, Collection<String> names) {
        Map<String, Object> params = DataScope.params();
        String scopeSql = scope.memberScopeSql("o.path", params);
        params.put("names", names.toArray(String[]::new));
        return jdbc.sql("select " + COLUMNS + " from organization o where o.name = any(:names) and o.status = 'ACTIVE'"
                        + " and " + scopeSql)
                .params(params).query(MAPPER).list();
    }

    /** Several organizations by id in one read (a list of rows naming their organizations). */
    public List<Organization> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organization o where o.id = any(?)")
                .param(ids.stream().distinct().toArray(Long[]::new)).query(MAPPER).list();
    }

    public List<Organization> findByPaths(Collection<TreePath> paths) {
        if (paths.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organization o where o.path in (:paths) order by o.path")
                .param("paths", paths.stream().map(TreePath::value).toList()).query(MAPPER).list();
    }

    public List<Organization> topLevel() {
        return jdbc.sql("select " + COLUMNS + " from organization o where o.parent_id is null and o.status = 'ACTIVE'"
                + " order by o.sort_order, o.id").query(MAPPER).list();
    }

    public List<Organization> children(long parentId, boolean includeDissolved) {
        return jdbc.sql("select " + COLUMNS + " from organization o where o.parent_id = ?"
                        + (includeDissolved ? "" : " and o.status = 'ACTIVE'") + " order by o.sort_order, o.id")
                .param(parentId).query(MAPPER).list();
    }

    /** Active organizations of a subtree, in tree order, limited by the caller's scope. */
    public List<Organization> subtree(TreePath root, DataScope scope, int limit, int offset) {
        Map<String, Object> params = DataScope.params();
        String scopeSql = scope.memberScopeSql("o.path", params);
        params.put("lo", root.value());
        params.put("hi", root.upperBound());
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from organization o where o.path >= :lo and o.path < :hi and "
                        + scopeSql + " and o.status = 'ACTIVE' order by o.path limit :limit offset :offset")
                .params(params).query(MAPPER).list();
    }

    public List<Organization> search(DataScope scope, String text, int limit) {
        Map<String, Object> params = DataScope.params();
        String scopeSql = scope.memberScopeSql("o.path", params);
        params.put("q", "%" + text.replace("%", "").replace("_", "") + "%");
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from organization o where " + scopeSql
                        + " and o.status = 'ACTIVE' and (o.name like :q or o.short_name like :q) order by o.path limit :limit")
                .params(params).query(MAPPER).list();
    }

    public long nextId() {
        return jdbc.sql("select nextval('organization_seq')").query(Long.class).single();
    }

    public void insert(long id, Long parentId, long rootId, TreePath path, String name, String shortName,
                       OrganizationType type, OrganizationCategory category, String unitName, Integer coveredUnits,
                       LocalDate establishedOn, int sortOrder) {
        jdbc.sql("""
                insert into organization(id, parent_id, root_id, path, depth, name, short_name, type, category,
                                         unit_name, covered_units, established_on, sort_order)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, parentId, rootId, path.value(), path.depth(), name, shortName, type.name(),
                        category.name(), unitName, coveredUnits, establishedOn, sortOrder)
                .update();
    }

    public int update(long id, int expectedVersion, String name, String shortName, OrganizationType type,
                      OrganizationCategory category, String unitName, Integer coveredUnits, LocalDate establishedOn,
                      int sortOrder) {
        return jdbc.sql("""
                update organization set name = ?, short_name = ?, type = ?, category = ?, unit_name = ?,
                       covered_units = ?, established_on = ?, sort_order = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?""")
                .params(name, shortName, type.name(), category.name(), unitName, coveredUnits, establishedOn,
                        sortOrder, id, expectedVersion)
                .update();
    }

    public void dissolve(long id, LocalDate on, String reason) {
        jdbc.sql("update organization set status = 'DISSOLVED', dissolved_on = ?, dissolved_reason = ?,"
                + " version = version + 1, updated_at = now() where id = ?").params(on, reason, id).update();
    }

    /** Share-locks the given organizations in path order, the order moves take their locks in. */
    /** Share-locks the organizations in path order and returns them (a writer needs them anyway: no second read). */
    public List<Organization> lockInPathOrder(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from organization o where o.id in (:ids) order by o.path for share of o")
                .param("ids", ids).query(MAPPER).list();
    }

    /**
     * Locks every organization of the subtree, so no member write attaches to a path being rewritten. NO KEY UPDATE,
     * not UPDATE: it conflicts with the writers' share locks but not with the key-share locks that foreign-key checks
     * take on ancestors (roll-up rows), which writers take child-first and would otherwise deadlock against. The
     * rewrite of their paths keeps that lock level: no unique index holds the path (V58), so it is no key column.
     */
    public void lockSubtree(TreePath root) {
        jdbc.sql("select id from organization where path >= ? and path < ? order by path for no key update")
                .params(root.value(), root.upperBound()).query(Long.class).list();
    }

    public void rewritePaths(TreePath oldPath, TreePath newPath, long newRootId) {
        jdbc.sql("""
                update organization set path = ? || substr(path, ?), depth = depth + ?, root_id = ?, updated_at = now()
                where path >= ? and path < ?""")
                .params(newPath.value(), oldPath.value().length() + 1, newPath.depth() - oldPath.depth(), newRootId,
                        oldPath.value(), oldPath.upperBound())
                .update();
    }

    public void setParent(long id, long parentId) {
        jdbc.sql("update organization set parent_id = ?, version = version + 1 where id = ?").params(parentId, id).update();
    }

    // ---- roll-up of organizations by type -------------------------------------------------------------

    /** Adds {@code delta} organizations of a type to each of the given ancestors, in id order (no deadlocks). */
    public void addToRollup(List<Long> orgIds, OrganizationType type, int delta) {
        for (Long orgId : orgIds.stream().sorted().toList()) {
            jdbc.sql("""
                    insert into org_rollup(org_id, type, n) values (?, ?, ?)
                    on conflict (org_id, type) do update set n = org_rollup.n + excluded.n""")
                    .params(orgId, type.name(), delta).update();
        }
    }

    /** Shifts the whole subtree's counts (read at its root) from the old ancestors to the new ones. */
    public void shiftRollup(long subtreeRoot, List<Long> oldAncestors, List<Long> newAncestors) {
        Map<OrganizationType, Integer> counts = rollup(subtreeRoot);
        counts.forEach((type, n) -> {
            addToRollup(oldAncestors, type, -n);
            addToRollup(newAncestors, type, n);
        });
    }

    public Map<OrganizationType, Integer> rollup(long orgId) {
        Map<OrganizationType, Integer> counts = new EnumMap<>(OrganizationType.class);
        jdbc.sql("select type, n from org_rollup where org_id = ? and n <> 0").param(orgId)
                .query(rs -> {
                    counts.put(OrganizationType.valueOf(rs.getString("type")), rs.getInt("n"));
                });
        return counts;
    }

    // ---- committees -------------------------------------------------------------------------------------

    public Committee committee(long orgId) {
        return jdbc.sql("select id, term_start, term_end from committee_term where org_id = ? and current")
                .param(orgId)
                .query((rs, i) -> new Committee(orgId, rs.getLong("id"), rs.getObject("term_start", LocalDate.class),
                        rs.getObject("term_end", LocalDate.class), seats(rs.getLong("id"))))
                .optional().orElse(Committee.none(orgId));
    }

    /** Current committees of many organizations at once (for rule checks over a subtree). */
    public Map<Long, Committee> committees(Collection<Long> orgIds) {
        Map<Long, Committee> result = new java.util.HashMap<>();
        if (orgIds.isEmpty()) {
            return result;
        }
        Map<Long, List<CommitteeSeat>> seats = new java.util.HashMap<>();
        jdbc.sql("""
                select s.id, s.org_id, s.position, s.member_id, s.person_name, s.sort_order from committee_seat s
                join committee_term t on t.id = s.term_id and t.current where s.org_id in (:ids)
                order by s.sort_order, s.id""")
                .param("ids", orgIds)
                .query(rs -> {
                    seats.computeIfAbsent(rs.getLong("org_id"), k -> new java.util.ArrayList<>()).add(seatOf(rs));
                });
        jdbc.sql("select id, org_id, term_start, term_end from committee_term where current and org_id in (:ids)")
                .param("ids", orgIds)
                .query(rs -> {
                    long orgId = rs.getLong("org_id");
                    result.put(orgId, new Committee(orgId, rs.getLong("id"), rs.getObject("term_start", LocalDate.class),
                            rs.getObject("term_end", LocalDate.class), seats.getOrDefault(orgId, List.of())));
                });
        return result;
    }

    private List<CommitteeSeat> seats(long termId) {
        return jdbc.sql("select id, position, member_id, person_name, sort_order from committee_seat where term_id = ?"
                        + " order by sort_order, id")
                .param(termId).query((rs, i) -> seatOf(rs)).list();
    }

    private static CommitteeSeat seatOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CommitteeSeat(rs.getLong("id"), CommitteePosition.valueOf(rs.getString("position")),
                (Long) rs.getObject("member_id"), rs.getString("person_name"), rs.getInt("sort_order"));
    }

    public long startTerm(long orgId, LocalDate start, LocalDate end) {
        jdbc.sql("update committee_term set current = false where org_id = ? and current").param(orgId).update();
        return jdbc.sql("insert into committee_term(org_id, term_start, term_end) values (?, ?, ?) returning id")
                .params(orgId, start, end).query(Long.class).single();
    }

    public long addSeat(long termId, long orgId, CommitteePosition position, Long memberId, String personName) {
        return jdbc.sql("""
                insert into committee_seat(term_id, org_id, position, member_id, person_name, sort_order)
                values (?, ?, ?, ?, ?, (select coalesce(max(sort_order), 0) + 1 from committee_seat where term_id = ?))
                returning id""")
                .params(termId, orgId, position.name(), memberId, personName, termId).query(Long.class).single();
    }

    /**
     * The name of a member registered in the subtree, for linking a committee seat to the roster. Reads the member
     * table directly: the member module depends on this one, so it cannot be called from here.
     */
    public Optional<String> memberNameInSubtree(long memberId, TreePath subtree) {
        return jdbc.sql("select name from member where id = ? and org_path >= ? and org_path < ?")
                .params(memberId, subtree.value(), subtree.upperBound()).query(String.class).optional();
    }

    public int removeSeat(long orgId, long seatId) {
        return jdbc.sql("delete from committee_seat where id = ? and org_id = ?").params(seatId, orgId).update();
    }
}
