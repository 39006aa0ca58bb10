package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * S1's development figures per organization for its subtree: each case counts at every ancestor of its branch under
 * its stage, and under the year it was admitted and converted. Changed in the caller's transaction; rows are
 * upserted in organization id order, the same order for every writer.
 */
@Component
public class AdmissionRollup {

    private final JdbcClient jdbc;

    AdmissionRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a case counts for: its stage and the years of its admission and 转正. */
    public record Counted(AdmissionStage stage, LocalDate approvedOn, LocalDate convertedOn) {

        Map<String, Integer> metrics(int sign) {
            Map<String, Integer> m = new TreeMap<>();
            m.put("STAGE:" + stage.name(), sign);
            if (approvedOn != null) {
                m.put("ADMITTED:" + approvedOn.getYear(), sign);
            }
            if (convertedOn != null) {
                m.put("CONVERTED:" + convertedOn.getYear(), sign);
            }
            return m;
        }
    }

    /** A case changed (either side null for a case that appears or leaves); both at the same branch path. */
    public void change(String orgPath, Counted before, Counted after) {
        move(orgPath, before, orgPath, after);
    }

    /** A case left one branch as {@code before} and arrived at another as {@code after}. */
    public void move(String fromPath, Counted before, String toPath, Counted after) {
        Map<Long, Map<String, Integer>> deltas = new TreeMap<>();
        if (before != null) {
            add(deltas, fromPath, before.metrics(-1));
        }
        if (after != null) {
            add(deltas, toPath, after.metrics(1));
        }
        apply(deltas);
    }

    /** An organization moved: its subtree's figures leave the old ancestors and join the new ones. */
    public void shiftSubtree(long subtreeRootId, List<Long> oldAncestors, List<Long> newAncestors) {
        Map<Long, Map<String, Integer>> deltas = new TreeMap<>();
        jdbc.sql("select metric, n from admission_rollup where org_id = ? and n <> 0").param(subtreeRootId)
                .query(rs -> {
                    for (Long a : oldAncestors) {
                        deltas.computeIfAbsent(a, k -> new TreeMap<>()).merge(rs.getString("metric"), -rs.getInt("n"),
                                Integer::sum);
                    }
                    for (Long a : newAncestors) {
                        deltas.computeIfAbsent(a, k -> new TreeMap<>()).merge(rs.getString("metric"), rs.getInt("n"),
                                Integer::sum);
                    }
                });
        apply(deltas);
    }

    public Map<AdmissionStage, Long> stages(long orgId) {
        Map<AdmissionStage, Long> counts = new EnumMap<>(AdmissionStage.class);
        jdbc.sql("select metric, n from admission_rollup where org_id = ? and metric like 'STAGE:%' and n <> 0")
                .param(orgId).query(rs -> {
                    counts.put(AdmissionStage.valueOf(rs.getString("metric").substring(6)), (long) rs.getInt("n"));
                });
        return counts;
    }

    public long admitted(long orgId, int year) {
        return metric(orgId, "ADMITTED:" + year);
    }

    public long converted(long orgId, int year) {
        return metric(orgId, "CONVERTED:" + year);
    }

    private long metric(long orgId, String metric) {
        return jdbc.sql("select coalesce(sum(n), 0) from admission_rollup where org_id = ? and metric = ?")
                .params(orgId, metric).query(Long.class).single();
    }

    private static void add(Map<Long, Map<String, Integer>> deltas, String path, Map<String, Integer> metrics) {
        for (Long org : new TreePath(path).ids()) {
            Map<String, Integer> m = deltas.computeIfAbsent(org, k -> new TreeMap<>());
            metrics.forEach((k, v) -> m.merge(k, v, Integer::sum));
        }
    }

    /** Upserts in ascending organization id: one total order for every writer and subtree move, so none deadlock. */
    private void apply(Map<Long, Map<String, Integer>> deltas) {
        deltas.forEach((org, metrics) -> metrics.forEach((metric, n) -> {
            if (n != 0) {
                jdbc.sql("""
                                insert into admission_rollup(org_id, metric, n) values (?, ?, ?)
                                on conflict (org_id, metric) do update set n = admission_rollup.n + excluded.n""")
                        .params(org, metric, n).update();
            }
        }));
    }
}
