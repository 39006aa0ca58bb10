package cn.zhibu.member.internal;

import cn.zhibu.platform.DataChanges;
import cn.zhibu.platform.MonthlyRollup;
import java.util.HashSet;
import java.util.Set;

import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Keeps the member roll-up exact: every change appends its +1/−1 for each ancestor organization to
 * member_rollup_delta in the same transaction, and readers add up member_rollup (folded counts) and the pending
 * rows. Appending takes no lock on the shared ancestor rows, so concurrent writers never queue on the
 * province root; {@link #fold()} moves the pending changes into member_rollup.
 */
@Component
public class MemberRollup {

    public static final String GENDER = "gender";
    public static final String EDUCATION = "education";
    public static final String ETHNICITY = "ethnicity";
    public static final String OCCUPATION = "occupation";
    public static final String BIRTH_YEAR = "birth_year";

    /*
     * Hot reads take both tables directly and sum in Java rather than read the view member_rollup_now: on a warm
     * connection at the root that is 0.16 ms against 0.34 ms for the view's aggregate (measured with EXPLAIN ANALYZE),
     * and every call is planned anew under force_custom_plan.
     */
    private static final String FOLDED_AND_PENDING_ROWS = """
            select dim, val, status, n from member_rollup where org_id = ?
            union all
            select dim, val, status, n from member_rollup_delta where org_id = ?""";

    private final JdbcClient jdbc;
    private final DataChanges changes;

    MemberRollup(JdbcClient jdbc, DataChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** A set of pending changes to the roll-up, keyed (org, dim, value, status); an edit's −1 and +1 cancel here. */
    public static final class Delta {
        private final Map<Key, Integer> counts = new HashMap<>();
        /** Where the changes are, for the read cache; null once a change was put by organization id alone. */
        private Set<String> paths = new HashSet<>();

        public Delta add(TreePath orgPath, MemberRow m, int sign) {
            if (paths != null) {
                paths.add(orgPath.value());
            }
            for (Long orgId : orgPath.ids()) {
                count(orgId, GENDER, m.gender().name(), m.status().name(), sign);
                count(orgId, EDUCATION, m.education().name(), m.status().name(), sign);
                count(orgId, ETHNICITY, m.ethnicity(), m.status().name(), sign);
                count(orgId, OCCUPATION, m.occupation().name(), m.status().name(), sign);
                count(orgId, BIRTH_YEAR, Integer.toString(m.birthDate().getYear()), m.status().name(), sign);
            }
            return this;
        }

        public Delta put(long orgId, String dim, String val, String status, int n) {
            paths = null;
            return count(orgId, dim, val, status, n);
        }

        private Delta count(long orgId, String dim, String val, String status, int n) {
            counts.merge(new Key(orgId, dim, val, status), n, Integer::sum);
            return this;
        }

        boolean isEmpty() {
            return counts.values().stream().allMatch(n -> n == 0);
        }

        private record Key(long orgId, String dim, String val, String status) {
        }
    }

    public void apply(Delta delta) {
        if (delta.paths == null) {
            changes.touchedAnything();
        } else {
            delta.paths.forEach(changes::touched);
        }
        if (delta.isEmpty()) {
            return;
        }
        List<Long> orgIds = new ArrayList<>();
        List<String> dims = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<Integer> ns = new ArrayList<>();
        delta.counts.forEach((key, n) -> {
            if (n == 0) {
                return;
            }
            orgIds.add(key.orgId());
            dims.add(key.dim());
            vals.add(key.val());
            statuses.add(key.status());
            ns.add(n);
        });
        jdbc.sql("""
                insert into member_rollup_delta(org_id, dim, val, status, n)
                select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[])""")
                .params(orgIds.toArray(Long[]::new), dims.toArray(String[]::new), vals.toArray(String[]::new),
                        statuses.toArray(String[]::new), ns.toArray(Integer[]::new))
                .update();
    }

    /**
     * Moves the committed pending changes into member_rollup, as one statement: readers see them either still
     * pending or folded, never both or neither. Rows are locked in key order, and only folds lock them, so two
     * folds (two app instances) wait for each other instead of deadlocking; the second finds the changes gone.
     *
     * @return how many pending rows were folded
     */
    public int fold() {
        if (!MonthlyRollup.anyPending(jdbc, "member_rollup_delta")) {
            return 0;
        }
        return jdbc.sql("""
                with moved as (delete from member_rollup_delta returning org_id, dim, val, status, n),
                summed as (
                    select org_id, dim, val, status, sum(n)::int as n, count(*)::int as rows from moved
                    group by org_id, dim, val, status),
                folded as (
                    insert into member_rollup(org_id, dim, val, status, n)
                    select org_id, dim, val, status, n from summed where n <> 0
                    order by org_id, dim, val, status
                    on conflict (org_id, dim, val, status) do update set n = member_rollup.n + excluded.n)
                select coalesce(sum(rows), 0)::int from summed""")
                .query(Integer.class).single();
    }

    /** Moves the counts of a whole subtree (read at its root) from its old ancestors to its new ones. */
    public void shiftSubtree(long subtreeRootId, List<Long> oldAncestors, List<Long> newAncestors) {
        Delta delta = new Delta();
        jdbc.sql(FOLDED_AND_PENDING_ROWS).params(subtreeRootId, subtreeRootId)
                .query(rs -> {
                    for (Long a : oldAncestors) {
                        delta.put(a, rs.getString("dim"), rs.getString("val"), rs.getString("status"), -rs.getInt("n"));
                    }
                    for (Long a : newAncestors) {
                        delta.put(a, rs.getString("dim"), rs.getString("val"), rs.getString("status"), rs.getInt("n"));
                    }
                });
        apply(delta);
    }

    /**
     * Members of the given subtrees with one value (any of {@code vals}; all values when null) of one dimension,
     * optionally of one status: the exact total of a list without counting rows.
     */
    public long total(List<Long> orgIds, String dim, List<String> vals, String status) {
        if (orgIds.isEmpty()) {
            return 0;
        }
        StringBuilder where = new StringBuilder(" where org_id in (:ids) and dim = :dim");
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("ids", orgIds);
        p.put("dim", dim);
        if (vals != null) {
            where.append(" and val in (:vals)");
            p.put("vals", vals);
        }
        if (status != null) {
            where.append(" and status = :status");
            p.put("status", status);
        }
        return jdbc.sql("select coalesce(sum(n), 0) from (select n from member_rollup" + where
                        + " union all select n from member_rollup_delta" + where + ") r")
                .params(p).query(Long.class).single();
    }

    /** Rows of one organization's roll-up, folded and pending summed: (dim, value, status, n), n never 0. */
    public List<Object[]> rowsOf(long orgId) {
        Map<List<String>, Integer> summed = new java.util.LinkedHashMap<>();
        jdbc.sql(FOLDED_AND_PENDING_ROWS).params(orgId, orgId).query(rs -> {
            summed.merge(List.of(rs.getString("dim"), rs.getString("val"), rs.getString("status")), rs.getInt("n"),
                    Integer::sum);
        });
        List<Object[]> rows = new ArrayList<>();
        summed.forEach((key, n) -> {
            if (n != 0) {
                rows.add(new Object[]{key.get(0), key.get(1), key.get(2), n});
            }
        });
        return rows;
    }
}
