package cn.zhibu.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.regex.Pattern;

/**
 * The one spelling of "a subtree moved": the rows of a table whose {@code org_path} lies in the old subtree take the
 * new path (and, for tables that carry it, the new root), found by the subtree's index range.
 * <p>
 * Tables of many rows per member (bills, progress …) carry no path: they name the member's organization
 * ({@code org_id}, which a move above it does not change) and find a subtree's rows by {@link #orgIdIn}. A move then
 * rewrites none of their rows, only their root when the subtree changes province ({@link #reroot}).
 */
public final class SubtreeRewrite {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    private static final Pattern COLUMN = Pattern.compile("([a-z_]+\\.)?[a-z_]+");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private SubtreeRewrite() {
    }

    /**
     * Rewrites {@code org_path} of the table's rows under {@code oldPath}; {@code newRootId} null: no root_id column.
     * <p>
     * The rows are read in the order they lie in the table (a bitmap of the path index's matches), not in the index's
     * order: a committee's ~4,800 members lie on ~4,000 pages spread through the member table, and when those pages
     * are not cached, reading them in index order cost 306–318 ms of waiting and in block order 40–46 ms (at 5 M
     * members, the same subtree, caches dropped before each). Index scans are off for this statement only.
     */
    public static int rewrite(JdbcClient jdbc, String table, TreePath oldPath, TreePath newPath, Long newRootId) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(table);
        }
        var sql = jdbc.sql("update " + table + " set org_path = :new || substr(org_path, :cut)"
                        + (newRootId == null ? "" : ", root_id = :root")
                        + " where org_path >= :lo and org_path < :hi")
                .param("new", newPath.value()).param("cut", oldPath.value().length() + 1)
                .param("lo", oldPath.value()).param("hi", oldPath.upperBound());
        jdbc.sql("set local enable_indexscan = off").update();
        int rows = (newRootId == null ? sql : sql.param("root", newRootId)).update();
        // not in a finally: a failed statement has aborted the transaction, and the setting ends with it
        jdbc.sql("set local enable_indexscan = default").update();
        return rows;
    }

    /**
     * The condition "the organization in {@code column} lies in the subtree", with two positional parameters: the
     * subtree's {@link TreePath#value()} and {@link TreePath#upperBound()}. The organizations come by the index range
     * of their paths; the rows by an index that starts with the organization.
     */
    public static String orgIdIn(String column) {
        return orgIdWhere(column, "o.path >= ? and o.path < ?");
    }

    /**
     * {@link #orgIdIn(String)} for a query with named parameters: the subtree's bounds in {@code :lo} and {@code :hi}
     * (parameter names), and {@code alsoOnPath} a further condition on the organization's {@code o.path} — the
     * caller's scope ({@code DataScope.memberScopeSql("o.path", params)}) — or {@code "true"}.
     */
    public static String orgIdIn(String column, String lo, String hi, String alsoOnPath) {
        if (!PARAMETER.matcher(lo).matches() || !PARAMETER.matcher(hi).matches()) {
            throw new IllegalArgumentException(lo + ", " + hi);
        }
        return orgIdWhere(column, "o.path >= :" + lo + " and o.path < :" + hi + " and " + alsoOnPath);
    }

    /**
     * The condition "the organization in {@code column} has a path meeting {@code pathCondition}" (a condition on
     * {@code o.path}, such as the caller's scope): for a query that may have no subtree of its own.
     */
    public static String orgIdWhere(String column, String pathCondition) {
        return checked(column) + " in (" + organizationIds(pathCondition) + ")";
    }

    /**
     * {@code table} (as {@code alias}) joined, by its {@code org_id}, to the ids of the organizations matching
     * {@code pathCondition} (on {@code o.path}), those collected first into one array: each organization is then one
     * descent of an index of the table led by {@code org_id} — where the planner, not knowing how the ids fall among
     * the table's rows, would otherwise walk the province's rows for the few of a subtree (a county's among a
     * province's). As a condition {@code org_id = any(array)} instead, the planner may walk another index and search
     * the array linearly for every entry.
     */
    public static String joinedToOrganizations(String table, String alias, String pathCondition) {
        if (!TABLE.matcher(table).matches() || !TABLE.matcher(alias).matches()) {
            throw new IllegalArgumentException(table + " " + alias);
        }
        return "unnest(array(" + organizationIds(pathCondition) + ")) scope_org(id) join " + table + " " + alias
                + " on " + alias + ".org_id = scope_org.id";
    }

    private static String checked(String column) {
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException(column);
        }
        return column;
    }

    private static String organizationIds(String pathCondition) {
        return "select o.id from organization o where " + pathCondition;
    }

    /**
     * A subtree moved to another root: a path-free table's rows of the subtree (already at {@code newPath}) take
     * the new root. Nothing to do, and no row touched, when the root stays.
     */
    public static int reroot(JdbcClient jdbc, String table, TreePath newPath, long newRootId) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("update " + table + " set root_id = ? where root_id <> ? and " + orgIdIn("org_id"))
                .params(newRootId, newRootId, newPath.value(), newPath.upperBound()).update();
    }
}
