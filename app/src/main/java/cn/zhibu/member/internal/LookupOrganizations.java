package cn.zhibu.member.internal;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Where a search of member_lookup (V57) may find members: the subtree searched, else the caller's scope — as a
 * condition on the lookup row (alias {@code l}), which carries its member's organization and tree but no path.
 * <ul>
 * <li>Whole trees (a province): the tree's id, no organization read.</li>
 * <li>A few organizations (a county's ~2,300, by the roll-up's count): a hash of their ids, built once from the
 * organizations' path index, tests each entry while the key's index is walked in order, so a page stops after its
 * rows — 1.3 ms for a county's page at 5 M members, where a probe of the organization per entry took 30. The
 * condition is wrapped ({@code (… in (…)) is true}) so that the planner keeps it a filter instead of pulling it up
 * into a join.</li>
 * <li>Many (a city): joined — matches are dense there, so a probe per entry finds a page soon, where hashing a
 * city's 24,000 organizations first took 26 ms.</li>
 * </ul>
 * A subtree given is one the caller manages (checked before); the page's rows are checked against the scope again
 * on their paths.
 */
public final class LookupOrganizations {

    /** Up to this many organizations are hashed. */
    private static final long HASHED_AT_MOST = 4_000;

    /** The subtrees searched; null: every organization. */
    private final List<TreePath> paths;
    /** The number of organizations below one, from the roll-up: the way is chosen without reading them. */
    private final ToLongFunction<Long> subtreeSize;
    private Boolean few;

    LookupOrganizations(DataScope scope, TreePath subtree, ToLongFunction<Long> subtreeSize) {
        this.paths = subtree != null ? List.of(subtree) : scope.all() ? null : scope.memberPaths();
        this.subtreeSize = subtreeSize;
    }

    /**
     * The condition on {@code l}; {@code fewRows}: the reading finds a row or two (a 身份证号), whose organization is
     * probed rather than the subtree's hashed first.
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
        String inPaths = SubtreeRewrite.orgIdWhere("l.org_id", DataScope.pathCondition("o.path", paths, p, "lookup"));
        return !fewRows && few() ? "(" + inPaths + ") is true" : inPaths;
    }

    private boolean few() {
        if (few == null) {
            few = paths.stream().mapToLong(path -> subtreeSize.applyAsLong(path.lastId())).sum() <= HASHED_AT_MOST;
        }
        return few;
    }
}
