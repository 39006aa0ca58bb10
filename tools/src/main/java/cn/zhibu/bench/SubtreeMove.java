package cn.zhibu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the committee (below county level) nearest to 5,000 members under another county and back, timing both moves (each
 * rewrites the paths of the subtree's organizations and members and shifts their roll-ups between two chains of
 * ancestors), then recounts the roll-ups of both chains — after an untimed move of a small committee there and back.
 */
final class SubtreeMove {

    static final String OPERATION = "move_5000";
    private static final long MOVE_SIZE = 5_000;
    private static final long WARMUP_SIZE = 50;

    private final ApiClient api;
    private final Db db;
    private final DatasetSampler sampler;
    private final List<String> notes;

    SubtreeMove(ApiClient api, Db db, DatasetSampler sampler, List<String> notes) {
        this.api = api;
        this.db = db;
        this.sampler = sampler;
        this.notes = notes;
    }

    Optional<ResultRow> run(long datasetMembers) {
        Optional<MoveCase> found = sampler.moveCase(MOVE_SIZE);
        if (found.isEmpty()) {
            notes.add(OPERATION + ": no committee with members and another one to move it to; not measured");
            return Optional.empty();
        }
        MoveCase moveCase = found.get();
        if (!moveCase.preferredTarget()) {
            notes.add(OPERATION + ": no other county (LOCAL_COMMITTEE at depth 3) in scope; moved under organization "
                    + moveCase.target().id() + " instead");
        }
        // the move's code is run once, untimed, on a small committee elsewhere: the timed move then measures the
        // data's caches, not the JIT compiling the endpoint
        Optional<MoveCase> warmup = sampler.moveCase(WARMUP_SIZE)
                .filter(w -> w.subtree().id() != moveCase.subtree().id());
        warmup.ifPresent(w -> {
            ApiResponse there = move(w.subtree(), w.target());
            ApiResponse back = there.ok() ? move(w.subtree(), w.parent()) : there;
            if (!back.ok()) {
                notes.add("WARNING " + OPERATION + ": the warm-up move of organization " + w.subtree().id()
                        + " failed: " + back.describe());
            }
        });
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        ApiResponse there = move(moveCase.subtree(), moveCase.target());
        stats.record(there);
        ApiResponse back = there.ok() ? move(moveCase.subtree(), moveCase.parent()) : null;
        if (back != null) {
            stats.record(back);
        }
        stats.wallTime(System.nanoTime() - start);
        if (back != null && !back.ok()) {
            notes.add("WARNING " + OPERATION + ": organization " + moveCase.subtree().id() + " was moved under "
                    + moveCase.target().id() + " but not back under " + moveCase.parent().id() + ": " + back.describe());
        }

        List<Long> touched = new ArrayList<>(moveCase.parent().pathIds());
        touched.addAll(moveCase.target().pathIds());
        touched.add(moveCase.subtree().id());
        warmup.ifPresent(w -> {
            touched.addAll(w.parent().pathIds());
            touched.addAll(w.target().pathIds());
        });
        RollupCheck.Result rollups = new RollupCheck(db).check(touched);
        if (rollups.mismatches() > 0) {
            notes.add(OPERATION + ": " + rollups.mismatches() + " roll-up rows differ from a fresh count, e.g. "
                    + String.join("; ", rollups.examples()));
        }
        return Optional.of(ResultRow.of(OPERATION, datasetMembers, stats)
                .with("subtree_org", moveCase.subtree().id())
                .with("subtree_members", moveCase.members())
                .with("warmup_subtree_members", warmup.map(MoveCase::members).orElse(null))
                .with("move_there_ms", millis(there))
                .with("move_back_ms", back == null ? null : millis(back))
                .with("rollup_check", rollups.mismatches())
                .with("rollup_check_ms", rollups.millis()));
    }

    private ApiResponse move(OrgRef subtree, OrgRef parent) {
        return api.post("/api/v1/orgs/" + subtree.id() + "/move", Map.of("parentId", parent.id()));
    }

    private static double millis(ApiResponse response) {
        return response.nanos() / 1e6;
    }
}
