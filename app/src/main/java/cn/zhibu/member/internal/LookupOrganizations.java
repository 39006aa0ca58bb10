package cn.zhibu.member.internal;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

/**
 * Where a search of member_lookup (V57) may find members: the subtree searched, else the caller's scope — as a
 * condition on the lookup row (alias {@code l}), which carries its member's organization and tree but no path.
 * <ul>
 * <li>Whole trees (a province): the tree's id, no organization read.</li>
 * <li>A few organizations (a county's ~2,300): named in the search, so the key's index is walked in order, each
 * entry tested against a hash of them, and a page stops after its rows (0.5 ms at a county of 5 M members, where
 * a probe of the organization per entry took 30).</li>
 * <li>Many (a city): joined — matches are dense there, so a probe per entry finds a page soon.</li>
 * </ul>
 * The organizations are read once per search, for its first reading, its alternative and its count. A subtree
 * given is one the caller manages (checked before); the page's rows are checked against the scope again on their
 * paths, as the organizations were read in a statement of their own.
 */
public final class LookupOrganizations {

    /** Up to this many organizations are named one by one. */
    private static final int LISTED_AT_MOST = 4_000;

    private final JdbcClient jdbc;
    /** The subtrees searched; null: every organization. */
    private final List<TreePath> paths;
    private final int listedAtMost;
    private List<Long> listed;
    private boolean fetched;

    LookupOrganizations(JdbcClient jdbc, DataScope scope, TreePath subtree) {
        this(jdbc, scope, subtree, LISTED_AT_MOST);
    }

    /** With another bound on the organizations named (tests: both ways on a small tree). */
    LookupOrganizations(JdbcClient jdbc, DataScope scope, TreePath subtree, int listedAtMost) {
        this.jdbc = jdbc;
        this.paths = subtree != null ? List.of(subtree) : scope.all() ? null : scope.memberPaths();
        this.listedAtMost = listedAtMost;
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
            Map<String, Object> p = DataScope.params();
            String inPaths = DataScope.pathCondition("o.path", paths, p, "lookup");
            p.put("cap", listedAtMost + 1);
            // in path order, so that the organization's path index is read and stops at the cap (a sequential scan
            // looking for a city's first 4,001 organizations read most of the table)
            List<Long> ids = jdbc.sql("select o.id from organization o where " + inPaths + " order by o.path limit :cap")
                    .params(p).query(Long.class).list();
            listed = ids.size() > listedAtMost ? null : ids;
        }
        return listed;
    }
}
