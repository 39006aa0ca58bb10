package cn.zhibu.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts per organization over its whole subtree, per metric and month, kept exact in the writing transaction as the
 * member roll-up is: a change appends its ±n for each ancestor to {@code <table>_delta} (no lock on the province
 * root's rows, which every branch's writes touch), readers add folded and pending rows, and {@link #fold()} moves
 * the pending rows into {@code <table>} in one statement. The tables are {@code (org_id bigint, metric text,
 * period date, n bigint)}, the main one keyed by the first three.
 */
public final class MonthlyRollup {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final JdbcClient jdbc;
    private final String table;

    public MonthlyRollup(JdbcClient jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    /** One counted row. */
    public record Row(long orgId, String metric, YearMonth month, long n) {
    }

    /** Pending changes, keyed (organization, metric, month); opposite changes of one key cancel here. */
    public static final class Delta {
        private final Map<Row, Long> counts = new HashMap<>();

        /** Adds n to the metric of the month at each of the organizations (a path: the organization and above). */
        public Delta add(Collection<Long> orgIds, String metric, YearMonth month, long n) {
            for (Long orgId : orgIds) {
                counts.merge(new Row(orgId, metric, month, 0), n, Long::sum);
            }
            return this;
        }

        public boolean isEmpty() {
            return counts.values().stream().allMatch(n -> n == 0);
        }
    }

    public void apply(Delta delta) {
        if (delta.isEmpty()) {
            return;
        }
        List<Long> orgIds = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<LocalDate> periods = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        delta.counts.forEach((key, n) -> {
            if (n != 0) {
                orgIds.add(key.orgId());
                metrics.add(key.metric());
                periods.add(key.month().atDay(1));
                ns.add(n);
            }
        });
        jdbc.sql("insert into " + table + "_delta (org_id, metric, period, n)"
                        + " select * from unnest(?::bigint[], ?::text[], ?::date[], ?::bigint[])")
                .params(orgIds.toArray(Long[]::new), metrics.toArray(String[]::new),
                        periods.stream().map(LocalDate::toString).toArray(String[]::new), ns.toArray(Long[]::new))
                .update();
    }

    /**
     * The part of a set-based statement that appends the deltas of many rows at once: {@code source} names a CTE (or
     * table) of {@code (org_path text, metric text, period date, n bigint)} — best already summed per path — and
     * the returned {@code insert} adds each row's n to every organization on its path, grouped per (ancestor,
     * metric, period): one delta row per ancestor however many rows the statement wrote. Use it as a data-modifying
     * CTE of the writing statement, so the deltas commit exactly with the rows.
     */
    public String appendByAncestorsSql(String source) {
        if (!TABLE.matcher(source).matches()) {
            throw new IllegalArgumentException(source);
        }
        return """
                insert into %1$s_delta (org_id, metric, period, n)
                select a.id::bigint, s.metric, s.period, sum(s.n)::bigint
                from %2$s s cross join lateral unnest(string_to_array(trim(both '/' from s.org_path), '/')) as a(id)
                group by a.id, s.metric, s.period having sum(s.n) <> 0""".formatted(table, source);
    }

    /**
     * Moves the committed pending rows into the roll-up, so readers see each change exactly once; only folds lock
     * roll-up rows, in key order, so two folds wait for each other instead of deadlocking.
     *
     * @return how many pending rows were folded
     */
    public int fold() {
        if (!anyPending(jdbc, table + "_delta")) {
            return 0;
        }
        return jdbc.sql("""
                        with moved as (delete from %1$s_delta returning org_id, metric, period, n),
                        summed as (
                            select org_id, metric, period, sum(n) as n, count(*) as rows from moved
                            group by org_id, metric, period),
                        folded as (
                            insert into %1$s (org_id, metric, period, n)
                            select org_id, metric, period, n from summed where n <> 0
                            order by org_id, metric, period
                            on conflict (org_id, metric, period) do update set n = %1$s.n + excluded.n)
                        select coalesce(sum(rows), 0)::int from summed""".formatted(table))
                .query(Integer.class).single();
    }

    /**
     * Whether a roll-up's pending table holds anything: folds ask first, since most seconds nothing is pending and a
     * look costs a tenth of a millisecond where planning the fold statement costs several.
     */
    public static boolean anyPending(JdbcClient jdbc, String deltaTable) {
        if (!TABLE.matcher(deltaTable).matches()) {
            throw new IllegalArgumentException(deltaTable);
        }
        return jdbc.sql("select exists (select 1 from " + deltaTable + ")").query(Boolean.class).single();
    }

    /** A subtree moved: its counts (read at its root) leave the old ancestors and join the new ones. */
    public void shiftSubtree(long subtreeRootId, List<Long> oldAncestors, List<Long> newAncestors) {
        Delta delta = new Delta();
        for (Row row : read(List.of(subtreeRootId), null, null, null)) {
            delta.add(oldAncestors, row.metric(), row.month(), -row.n());
            delta.add(newAncestors, row.metric(), row.month(), row.n());
        }
        apply(delta);
    }

    /**
     * The summed rows of some organizations for the metrics (null: all) and months from..to (null: unbounded),
     * zero sums left out.
     */
    public List<Row> read(Collection<Long> orgIds, Collection<String> metrics, YearMonth from, YearMonth to) {
        if (orgIds.isEmpty() || (metrics != null && metrics.isEmpty())) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", orgIds);
        StringBuilder where = new StringBuilder("org_id in (:ids)");
        if (metrics != null) {
            where.append(" and metric in (:metrics)");
            params.put("metrics", metrics);
        }
        if (from != null) {
            where.append(" and period >= :from");
            params.put("from", from.atDay(1));
        }
        if (to != null) {
            where.append(" and period <= :to");
            params.put("to", to.atDay(1));
        }
        return jdbc.sql("""
                        select org_id, metric, period, sum(n) as n from (
                            select org_id, metric, period, n from %1$s where %2$s
                            union all
                            select org_id, metric, period, n from %1$s_delta where %2$s) r
                        group by org_id, metric, period having sum(n) <> 0
                        order by org_id, metric, period""".formatted(table, where))
                .params(params)
                .query((rs, i) -> new Row(rs.getLong("org_id"), rs.getString("metric"),
                        YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getLong("n")))
                .list();
    }
}
