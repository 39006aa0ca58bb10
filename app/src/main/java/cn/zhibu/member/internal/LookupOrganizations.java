package cn.zhibu.member.internal;

import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

/**
 * The organizations a search by a lookup key (V57 member_lookup) may find members in: the caller's scope, within the
 * subtree searched. When they are few (a county's ~2,300) they are named in the search itself: the key's index is
 * then walked in order, each entry's organization tested against a hash of them, and a page stops after its rows
 * (0.5 ms at a county of 5 M members, where a probe of the organization per entry took 30). When they are many (a
 * city, the province) they are joined instead — matches are dense there and a probe per entry finds a page soon.
 * Fetched once per search, for its first reading, its alternative and its count.
 */
public final class LookupOrganizations {

    /** Up to this many organizations are named one by one. */
    private static final int LISTED_AT_MOST = 4_000;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final TreePath subtree;
    private final int listedAtMost;
    private List<Long> listed;
    private boolean fetched;

    LookupOrganizations(JdbcClient jdbc, DataScope scope, TreePath subtree) {
        this(jdbc, scope, subtree, LISTED_AT_MOST);
    }

    /** With another bound on the organizations named (tests: both ways on a small tree). */
    LookupOrganizations(JdbcClient jdbc, DataScope scope, TreePath subtree, int listedAtMost) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.subtree = subtree;
        this.listedAtMost = listedAtMost;
    }

    /** The condition on the path of the organization {@code o}: the scope and the subtree; "true" for all. */
    String pathCondition(Map<String, Object> p) {
        String scoped = scope.memberScopeSql("o.path", p);
        if (subtree == null) {
            return scoped;
        }
        p.put("subLo", subtree.value());
        p.put("subHi", subtree.upperBound());
        return "o.path >= :subLo and o.path < :subHi and " + scoped;
    }

    /** The organizations by id when few, else null (and null when every organization qualifies). */
    List<Long> listed() {
        if (!fetched) {
            fetched = true;
            Map<String, Object> p = DataScope.params();
            String condition = pathCondition(p);
            if (!condition.equals("true")) {
                p.put("cap", listedAtMost + 1);
                List<Long> ids = jdbc.sql("select o.id from organization o where " + condition + " limit :cap")
                        .params(p).query(Long.class).list();
                listed = ids.size() > listedAtMost ? null : ids;
            }
        }
        return listed;
    }
}
