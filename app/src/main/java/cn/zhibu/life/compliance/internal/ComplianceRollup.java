package cn.zhibu.life.compliance.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance roll-up of every organization over its subtree, kept exact like the member roll-up: a change appends
 * its ±n for each ancestor to life_compliance_rollup_delta in the writer's transaction (no lock on the province
 * root's rows, which every branch's meetings touch), readers add folded and pending rows, and {@link #fold()} moves
 * the pending rows into life_compliance_rollup.
 */
@Component
public class ComplianceRollup {

    private static final String FOLDED_AND_PENDING = """
            select org_id, metric, period, n from life_compliance_rollup where %1$s
            union all
            select org_id, metric, period, n from life_compliance_rollup_delta where %1$s""";

    private final JdbcClient jdbc;

    ComplianceRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pending changes, keyed (organization, metric, month); a −1 and a +1 of the same key cancel here. */
    public static final class Delta {
        private final Map<Key, Integer> counts = new HashMap<>();

        /** Adds n to the metric of the month at each of the organizations (an organization's path: itself and above). */
        public Delta add(Collection<Long> orgIds, String metric, YearMonth month, int n) {
            for (Long orgId : orgIds) {
                counts.merge(new Key(orgId, metric, month), n, Integer::sum);
            }
            return this;
        }

        boolean isEmpty() {
            return counts.values().stream().allMatch(n -> n == 0);
        }

        private record Key(long orgId, String metric, YearMonth month) {
        }
    }

    public void apply(Delta delta) {
        if (delta.isEmpty()) {
            return;
        }
        List<Long> orgIds = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<Integer> ns = new ArrayList<>();
        delta.counts.forEach((key, n) -> {
            if (n != 0) {
                orgIds.add(key.orgId());
                metrics.add(key.metric());
                periods.add(key.month().atDay(1).toString());
                ns.add(n);
            }
        });
        jdbc.sql("""
                        insert into life_compliance_rollup_delta (org_id, metric, period, n)
                        select * from unnest(?::bigint[], ?::text[], ?::date[], ?::int[])""")
                .params(orgIds.toArray(Long[]::new), metrics.toArray(String[]::new), periods.toArray(String[]::new),
                        ns.toArray(Integer[]::new))
                .update();
    }

    /**
     * Moves the committed pending rows into the roll-up in one statement, so readers see each change exactly once;
     * only folds lock roll-up rows, in key order, so two folds wait for each other instead of deadlocking.
     *
     * @return how many pending rows were folded
     */
    public int fold() {
        return jdbc.sql("""
                        with moved as (delete from life_compliance_rollup_delta returning org_id, metric, period, n),
                        summed as (
                            select org_id, metric, period, sum(n)::int as n, count(*)::int as rows from moved
                            group by org_id, metric, period),
                        folded as (
                            insert into life_compliance_rollup (org_id, metric, period, n)
                            select org_id, metric, period, n from summed where n <> 0
                            order by org_id, metric, period
                            on conflict (org_id, metric, period) do update set n = life_compliance_rollup.n + excluded.n)
                        select coalesce(sum(rows), 0)::int from summed""")
                .query(Integer.class).single();
    }

    /** A subtree moved: its counts (read at its root) leave the old ancestors and join the new ones. */
    public void shiftSubtree(long subtreeRootId, List<Long> oldAncestors, List<Long> newAncestors) {
        Delta delta = new Delta();
        jdbc.sql(FOLDED_AND_PENDING.formatted("org_id = :id")).param("id", subtreeRootId)
                .query(rs -> {
                    YearMonth month = YearMonth.from(rs.getObject("period", LocalDate.class));
                    delta.add(oldAncestors, rs.getString("metric"), month, -rs.getInt("n"));
                    delta.add(newAncestors, rs.getString("metric"), month, rs.getInt("n"));
                });
        apply(delta);
    }

    /**
     * The rows of some organizations: the {@code series} metrics up to and including {@code seriesUntil} (to be read
     * as running sums), and the other {@code metrics} from {@code from} to {@code to}, both months included.
     */
    public RollupRows read(Collection<Long> orgIds, Collection<String> series, YearMonth seriesUntil,
                           Collection<String> metrics, YearMonth from, YearMonth to) {
        RollupRows rows = new RollupRows();
        if (orgIds.isEmpty()) {
            return rows;
        }
        String where = """
                org_id in (:ids) and ((metric in (:series) and period <= :until)
                                      or (metric in (:metrics) and period >= :from and period <= :to))""";
        jdbc.sql(FOLDED_AND_PENDING.formatted(where))
                .param("ids", orgIds)
                .param("series", series.isEmpty() ? List.of("-") : series)
                .param("until", seriesUntil.atDay(1))
                .param("metrics", metrics.isEmpty() ? List.of("-") : metrics)
                .param("from", from.atDay(1))
                .param("to", to.atDay(1))
                .query(rs -> {
                    rows.add(rs.getLong("org_id"), rs.getString("metric"),
                            YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getInt("n"));
                });
        return rows;
    }
}
