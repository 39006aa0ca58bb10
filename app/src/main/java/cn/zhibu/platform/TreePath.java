package cn.zhibu.platform;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A materialized path such as {@code /1/23/456/}: the ids from the root down, so a subtree is one index range
 * {@code [path, upperBound)} on a column with "C" collation. '/' + 1 is '0', which bounds every extension.
 */
public record TreePath(@JsonValue String value) {

    public TreePath {
        if (value == null || !value.startsWith("/") || !value.endsWith("/")) {
            throw new IllegalArgumentException("bad tree path: " + value);
        }
    }

    public static TreePath root(long id) {
        return new TreePath("/" + id + "/");
    }

    public TreePath child(long id) {
        return new TreePath(value + id + "/");
    }

    /** Exclusive upper bound of the subtree range. */
    public String upperBound() {
        return value.substring(0, value.length() - 1) + "0";
    }

    public boolean contains(TreePath other) {
        return other.value.startsWith(value);
    }

    public boolean contains(String otherPath) {
        return otherPath != null && otherPath.startsWith(value);
    }

    public List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (String part : value.substring(1).split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    public long lastId() {
        List<Long> ids = ids();
        return ids.get(ids.size() - 1);
    }

    public int depth() {
        return ids().size();
    }

    @Override
    public String toString() {
        return value;
    }
}
