package cn.zhibu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times the naive ways on the same data and the same sample organizations as our dashboard. They read every
 * member of the subtree, so the root takes seconds: it gets only a few samples. Each level starts with one
 * untimed run, as our side was warmed up too.
 */
final class NaiveBaselines {

    private static final int ROOT_SAMPLES = 3;
    private static final int LEVEL_SAMPLES = 20;

    private final Db db;
    private final int samples;
    private final List<String> notes;

    NaiveBaselines(Db db, int samples, List<String> notes) {
        this.db = db;
        this.samples = samples;
        this.notes = notes;
    }

    List<ResultRow> measure(Map<Level, List<SampleOrg>> orgsByLevel, long datasetMembers) {
        RuoyiDeptTable ruoyi = new RuoyiDeptTable(db);
        ruoyi.refresh();
        List<ResultRow> rows = new ArrayList<>();
        for (Level level : Level.values()) {
            List<SampleOrg> orgs = orgsByLevel.get(level);
            if (orgs.isEmpty()) {
                continue;
            }
            int runs = Math.min(samples, level == Level.ROOT ? ROOT_SAMPLES : LEVEL_SAMPLES);
            for (NaiveMethod method : NaiveMethod.values()) {
                rows.add(ResultRow.of(method.operation(level), datasetMembers, time(method, orgs, runs, ruoyi))
                        .with("orgs_sampled", Math.min(runs, orgs.size())));
            }
        }
        return rows;
    }

    private LatencyStats time(NaiveMethod method, List<SampleOrg> orgs, int runs, RuoyiDeptTable ruoyi) {
        List<String> statements = orgs.stream().limit(runs)
                .map(org -> method.sql(org.id(), ruoyi.chainOf(org.id()))).toList();
        db.sumOfLastColumn(statements.get(0));
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            long counted = db.sumOfLastColumn(statements.get(i % statements.size()));
            stats.recordSuccess(System.nanoTime() - begin);
            SampleOrg org = orgs.get(i % statements.size());
            if (i < statements.size() && counted != org.members()) {
                notes.add(method.operation(org.level()) + ": counted " + counted + " members under organization "
                        + org.id() + ", its roll-up says " + org.members());
            }
        }
        stats.wallTime(System.nanoTime() - start);
        return stats;
    }
}
