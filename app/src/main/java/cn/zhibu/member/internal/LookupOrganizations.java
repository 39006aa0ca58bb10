package cn.zhibu.member.internal;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Where a search of member_lookup (V57) may find members: the subtree searched, else the caller's scope — as a
 * condition on the lookup row (alias {@code l}), which carries its member's organization and tree but no path.
 * <ul>
 * <li>Whole trees (a province): the tree's id, no organization read.</li>
 * <li>A few organizations (a county's ~2,300): named in the search, so the key's index is walked in order, each
 * entry tested against a hash of them, and a page stops after its rows (0.5 ms at a county of 5 M members, where
 * a probe of the organization per entry took 30). Planning weighs each id against the column's most common values:
 * with {@code org_id}'s statistics target raised to 1,000 a county's search took 60 ms to plan, so it keeps the
 * default.</li>
 * <li>Many (a city): joined — matches are dense there, so a probe per entry finds a page soon.</li>
 * </ul>
 * Which way is chosen from the roll-up's count of the organizations (a city's are not read only to be counted);
 * they are read once per search, for its first reading, its alternative and its count. A subtree
 * given is one the caller manages (checked before); the page's rows are checked against the scope again on their
 * paths, as the organizations were read in a statement of their own.
 */
public final class LookupOrganizations {

    /** Up to this many organizations are named one by one. */
    private static final int LISTED_AT_MOST = 4_000;

    private final JdbcClient jdbc;
    /** The subtrees searched; null: every organization. */
    private final List<TreePath> paths;
    /** The number of organizations below one (the roll-up's): whether to list them is decided without reading them. */
    private final ToLongFunction<Long> subtreeSize;
    private List<Long> listed;
    private boolean fetched;

    LookupOrganizations(JdbcClient jdbc, DataScope scope, TreePath subtree, ToLongFunction<Long> subtreeSize) {
        this.jdbc = jdbc;
        this.paths = subtree != null ? List.of(subtree) : scope.all() ? null : scope.memberPaths();
        this.subtreeSize = subtreeSize;
    }

    /**
     * The condition on {@code l}; {@code fewRows}: the reading finds a row or two (a 身份证号), whose organization is
     * probed rather than the subtree's listed first.
     */
    String condition(Map<String, Object> p, boolean fewRows) {
        if (paths == null) {
            return "true";
        }
        if (paths.isEmpty()) {
            return "false";
        }
        if (paths.stream().allMatch(path -> path.depth() == 1)) {
            p.put("scopeRoots", paths.stream().map(TreePath::lastId).toArray(Long[]::new));
            return "l.root_id = any(:scopeRoots)";
        }
        List<Long> ids = fewRows ? null : listed();
        if (ids != null) {
            p.put("scopeOrgs", ids.toArray(Long[]::new));
            return "l.org_id = any(:scopeOrgs)";
        }
        return SubtreeRewrite.orgIdWhere("l.org_id", DataScope.pathCondition("o.path", paths, p, "lookup"));
    }

    /** The organizations by id when few, else null. */
    private List<Long> listed() {
        if (!fetched) {
            fetched = true;
            long size = paths.stream().mapToLong(path -> subtreeSize.applyAsLong(path.lastId())).sum();
            if (size <= LISTED_AT_MOST) {
                Map<String, Object> p = DataScope.params();
                String inPaths = DataScope.pathCondition("o.path", paths, p, "lookup");
                p.put("cap", LISTED_AT_MOST + 1);
                List<Long> ids = jdbc.sql("select o.id from organization o where " + inPaths + " limit :cap")
                        .params(p).query(Long.class).list();
                listed = ids.size() > LISTED_AT_MOST ? null : ids;
            }
        }
        return listed;
    }
}
