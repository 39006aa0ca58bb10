package cn.zhibu.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is calling and which organization subtrees they may touch. Every service that reads or writes
 * organization-owned data takes one; it is resolved in exactly one place (identity) from the caller's roles.
 *
 * @param actorId        user id, for the audit log
 * @param actorName      display name, for the audit log
 * @param all            system administrator: every organization
 * @param orgAdminPaths  subtrees where the caller administers organizations and members (组织管理员)
 * @param memberPaths    subtrees where the caller manages members (组织管理员 and 书记)
 * @param selfMemberId   the caller's own member record, if any (党员 self-service)
 * @param selfOrgPath    the organization of that record
 * @param seesSensitive  may see 身份证号 and phone unmasked within scope
 */
public record DataScope(long actorId, String actorName, boolean all, List<TreePath> orgAdminPaths,
                        List<TreePath> memberPaths, Long selfMemberId, TreePath selfOrgPath,
                        boolean seesSensitive) {

    public DataScope {
        orgAdminPaths = List.copyOf(orgAdminPaths);
        memberPaths = List.copyOf(memberPaths);
    }

    /** The actor id of {@link #anonymous()}: no user has it. */
    public static final long ANONYMOUS_ACTOR_ID = -1;

    /**
     * The actor of an anonymous action (an anonymous 公示 comment): the audit entry names no one and no user id, so
     * no record links the action to the person. It has no scope of its own: use it only to record.
     */
    public static DataScope anonymous() {
        return new DataScope(ANONYMOUS_ACTOR_ID, "匿名", false, List.of(), List.of(), null, null, false);
    }

    /** A scope for the system itself (demo loader, scheduled jobs): everything. */
    public static DataScope system(String name) {
        return new DataScope(0, name, true, List.of(), List.of(), null, null, true);
    }

    /** May list and read members and organizations of this subtree. */
    public boolean managesMembersAt(String path) {
        return all || memberPaths.stream().anyMatch(p -> p.contains(path));
    }

    /** May create, edit organizations at or below this path. */
    public boolean administersOrgAt(String path) {
        return all || orgAdminPaths.stream().anyMatch(p -> p.contains(path));
    }

    /** May move or dissolve this organization: strictly below a subtree the caller administers. */
    public boolean restructuresOrgAt(String path) {
        return all || orgAdminPaths.stream().anyMatch(p -> p.contains(path) && !p.value().equals(path));
    }

    /** May see this organization's public information: managed subtree, or the caller's own organization. */
    public boolean viewsOrgAt(String path) {
        return managesMembersAt(path) || (selfOrgPath != null && selfOrgPath.value().equals(path));
    }

    public boolean hasManagedScope() {
        return all || !memberPaths.isEmpty();
    }

    /** The roots the caller browses from: their role organizations (or the whole tree for an administrator). */
    public List<TreePath> browseRoots() {
        List<TreePath> roots = new ArrayList<>();
        for (TreePath p : memberPaths) {
            if (roots.stream().noneMatch(r -> r.contains(p))) {
                roots.removeIf(p::contains);
                roots.add(p);
            }
        }
        if (roots.isEmpty() && selfOrgPath != null) {
            roots.add(selfOrgPath);
        }
        return roots;
    }

    /**
     * SQL condition limiting {@code column} (a "C"-collated path column) to the managed subtrees, with its
     * parameters added to {@code params}. Range predicates keep every subtree one index range.
     */
    public String memberPathCondition(String column, Map<String, Object> params) {
        return pathCondition(column, memberPaths, params, "scope");
    }

    /** {@code column} within any of {@code paths} (none: "false"), its bounds added as {@code prefix}Lo/Hi{i}. */
    public static String pathCondition(String column, List<TreePath> paths, Map<String, Object> params, String prefix) {
        if (paths.isEmpty()) {
            return "false";
        }
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < paths.size(); i++) {
            String lo = prefix + "Lo" + i;
            String hi = prefix + "Hi" + i;
            if (i > 0) {
                sql.append(" or ");
            }
            sql.append('(').append(column).append(" >= :").append(lo).append(" and ").append(column)
                    .append(" < :").append(hi).append(')');
            params.put(lo, paths.get(i).value());
            params.put(hi, paths.get(i).upperBound());
        }
        return sql.append(')').toString();
    }

    /** Condition that is just "everything" for administrators. */
    public String memberScopeSql(String column, Map<String, Object> params) {
        return all ? "true" : memberPathCondition(column, params);
    }

    /** Condition for data that only organization administrators see (the audit log). */
    public String orgAdminScopeSql(String column, Map<String, Object> params) {
        return all ? "true" : pathCondition(column, orgAdminPaths, params, "admin");
    }

    public static Map<String, Object> params() {
        return new HashMap<>();
    }
}
