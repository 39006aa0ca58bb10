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
 * <li>Many members in a few organizations (a county's ~36,000 in ~2,300, by the roll-ups): a hash of the
 * organizations' ids, built once from their path index, tests each entry while the key's index is walked in order,
 * so a page stops after its rows — 1.3 ms for a county's page at 5 M members, where a probe of the organization per
 * entry took 30. The condition is wrapped ({@code (… in (…)) is true}) so that the planner keeps it a filter instead
 * of pulling it up into a join — and so it cannot see how few rows pass: a walk finds a page after about
 * 21 × (all members) / (the subtree's) entries, 520,000 for a 200-member committee, which its organizations' own
 * index and a sort of their members beat below about 10,000 members (√(21 × 5 M)).</li>
 * <li>Otherwise joined, and the planner chooses: few members (a branch, a base committee) by their organizations'
 * index; many organizations (a city) by a probe per entry of the key's index — matches are dense there, so a page
 * needs few probes, where hashing a city's 25,000 organizations first costs about 5 ms (their ids from the path
 * index, V58).</li>
 * <li>A county's matches by initials, its page and its count, join the organizations' ids to the lookup
 * ({@link #table}), and the planner chooses by the prefix: a narrow one's range of the initials index hashed
 * against the ids, a wide one organization by organization in the index led by both (V59), which carries the pinyin
 * and id a page needs (V60). By hand at 5 M members: a count about 3 ms for any prefix, where the hash tested every
 * entry of a common two-letter prefix (85,000) — 20 ms; a page 4.0–6.0 ms. At 20 M members, where a county is a
 * quarter of the share it is at 5 M, a page by organization 8.5–12 ms with the pages cold against 15–40 for the
 * hashed walk. (Given as {@code org_id = any(array(…))} instead, as V59's count was, a prefix expected to match once
 * was walked in the initials' order with that array searched linearly for every entry: 65–142 ms.)</li>
 * <li>A count of a city's matches is hashed too: it walks up to the cap (1,001 matches, about 14,000 entries of a
 * two-letter prefix at a city of 7% of the members), where a probe per entry costs more than the hash — 8–9 ms
 * against 12 for the planner's own hash join and 58 for its probes when their pages were cold.</li>
 * </ul>
 * A subtree given is one the caller manages (checked before); the page's rows are checked against the scope again
 * on their paths.
 */
public final class LookupOrganizations {

    /** How a reading uses the condition. */
    public enum Reading {
        /** A page, which stops after its rows. */
        PAGE,
        /** A page by a key that an index holds after the organization (the initials, V59/V60). */
        PAGE_BY_ORGANIZATION,
        /** A count up to a cap. */
        COUNT,
        /** A count up to a cap of a key that an index holds after the organization (the initials, V59). */
        COUNT_BY_ORGANIZATION,
        /** A key's row or two (a 身份证号), whose organization is probed rather than the subtree's hashed first. */
        ONE_KEY
    }

    /**
     * Up to this many organizations (a county's ~2,700) are hashed for a page, or looked up one by one for a count
     * by initials …
     */
    private static final long PAGE_HASHED_AT_MOST = 4_000;
    /** … and for a count (a city has up to about 25,000) … */
    private static final long COUNT_HASHED_AT_MOST = 40_000;
    /** … when they have at least this many members. */
    private static final long HASHED_FROM_MEMBERS = 10_000;

    /** The subtrees searched; null: every organization. */
    private final List<TreePath> paths;
    /** Organizations and members below those of the given ids, from the roll-ups: the way is chosen without reading them. */
    private final ToLongFunction<List<Long>> organizationsBelow;
    private final ToLongFunction<List<Long>> membersBelow;
    private Sizes sizes;

    LookupOrganizations(DataScope scope, TreePath subtree, ToLongFunction<List<Long>> organizationsBelow,
                        ToLongFunction<List<Long>> membersBelow) {
        this.paths = subtree != null ? List.of(subtree) : scope.all() ? null : scope.memberPaths();
        this.organizationsBelow = organizationsBelow;
        this.membersBelow = membersBelow;
    }

    /**
     * The lookup table as the reading reads it (alias {@code l}): for a county's page or count by initials its
     * organizations' ids joined to it, whose {@link #condition} is then {@code true}; otherwise the table alone.
     */
    String table(Map<String, Object> p, Reading reading) {
        if (!joinsOrganizations(reading)) {
            return "member_lookup l";
        }
        return SubtreeRewrite.joinedToOrganizations("member_lookup", "l",
                DataScope.pathCondition("o.path", paths, p, "lookup"));
    }

    private boolean joinsOrganizations(Reading reading) {
        boolean byOrganization = reading == Reading.PAGE_BY_ORGANIZATION || reading == Reading.COUNT_BY_ORGANIZATION;
        return byOrganization && paths != null && !paths.isEmpty()
                && !paths.stream().allMatch(path -> path.depth() == 1) && many(PAGE_HASHED_AT_MOST);
    }

    /** The condition on {@code l} for the reading. */
    String condition(Map<String, Object> p, Reading reading) {
        if (joinsOrganizations(reading)) {
            return "true";
        }
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
        String pathCondition = DataScope.pathCondition("o.path", paths, p, "lookup");
        String inPaths = SubtreeRewrite.orgIdWhere("l.org_id", pathCondition);
        return hashed(reading) ? "(" + inPaths + ") is true" : inPaths;
    }

    private boolean hashed(Reading reading) {
        return switch (reading) {
            case ONE_KEY -> false;
            case PAGE, PAGE_BY_ORGANIZATION -> many(PAGE_HASHED_AT_MOST);
            case COUNT, COUNT_BY_ORGANIZATION -> many(COUNT_HASHED_AT_MOST);
        };
    }

    /** Many members ({@link #HASHED_FROM_MEMBERS}) in at most this many organizations. */
    private boolean many(long organizationsAtMost) {
        if (sizes == null) {
            List<Long> tops = paths.stream().map(TreePath::lastId).toList();
            sizes = new Sizes(organizationsBelow.applyAsLong(tops), membersBelow.applyAsLong(tops));
        }
        return sizes.organizations() <= organizationsAtMost && sizes.members() >= HASHED_FROM_MEMBERS;
    }

    /** The subtrees' organizations and members, read from the roll-ups once per search. */
    private record Sizes(long organizations, long members) {
    }
}
