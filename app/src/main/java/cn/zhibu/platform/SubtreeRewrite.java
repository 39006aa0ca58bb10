package cn.zhibu.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.regex.Pattern;

/**
 * The one spelling of "a subtree moved": the rows of a table whose {@code org_path} lies in the old subtree take the
 * new path (and, for tables that carry it, the new root), found by the subtree's index range.
 */
public final class SubtreeRewrite {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private SubtreeRewrite() {
    }

    /** Rewrites {@code org_path} of the table's rows under {@code oldPath}; {@code newRootId} null: no root_id column. */
    public static int rewrite(JdbcClient jdbc, String table, TreePath oldPath, TreePath newPath, Long newRootId) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(table);
        }
        var sql = jdbc.sql("update " + table + " set org_path = :new || substr(org_path, :cut)"
                        + (newRootId == null ? "" : ", root_id = :root")
                        + " where org_path >= :lo and org_path < :hi")
                .param("new", newPath.value()).param("cut", oldPath.value().length() + 1)
                .param("lo", oldPath.value()).param("hi", oldPath.upperBound());
        return (newRootId == null ? sql : sql.param("root", newRootId)).update();
    }
}
