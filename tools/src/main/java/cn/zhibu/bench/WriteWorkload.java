package cn.zhibu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Concurrent writers in different branches for a fixed time, then: deadlocks PostgreSQL counted meanwhile, a fresh
 * recount of the roll-ups of every organization the writers touched, and the removal of the members they created
 * so that the data set keeps its size.
 */
final class WriteWorkload {

    /** A backend reports its statistics (deadlocks among them) within about a second of going idle. */
    private static final Duration STATISTICS_DELAY = Duration.ofMillis(1_500);

    private final ApiClient api;
    private final Db db;
    private final DatasetSampler sampler;
    private final BenchOptions options;
    private final List<String> notes;

    WriteWorkload(ApiClient api, Db db, DatasetSampler sampler, BenchOptions options, List<String> notes) {
        this.api = api;
        this.db = db;
        this.sampler = sampler;
        this.options = options;
        this.notes = notes;
    }

    Optional<ResultRow> run(long datasetMembers) {
        List<WriterBranches> plan = sampler.writerBranches(options.writers(), notes);
        if (plan.isEmpty()) {
            notes.add("writes: no two branches to write in; not measured");
            return Optional.empty();
        }
        Random random = new Random(System.nanoTime());
        LatencyStats stats = new LatencyStats();
        ExecutorService pool = Threads.pool("bench-writer", plan.size());
        try {
            Cleanup warmUp = warmUp(pool, plan, random);
            long deadlocksBefore = db.deadlocks();
            long start = System.nanoTime();
            List<List<Long>> created = write(pool, plan, new MemberDrafts(plan.size(), random), stats,
                    options.writeSeconds());
            stats.wallTime(System.nanoTime() - start);
            sleep(STATISTICS_DELAY);
            long deadlocks = db.deadlocks() - deadlocksBefore;

            RollupCheck.Result rollups = new RollupCheck(db).check(touchedOrganizations(plan));
            if (rollups.mismatches() > 0) {
                notes.add("writes: " + rollups.mismatches() + " roll-up rows differ from a fresh count, e.g. "
                        + String.join("; ", rollups.examples()));
            }
            Cleanup cleanup = removeAll(pool, created);
            if (cleanup.failed() > 0) {
                notes.add("writes: " + cleanup.failed() + " of the " + cleanup.total()
                        + " members created could not be deleted; the data set grew by that many");
            }
            return Optional.of(ResultRow.of("writes_" + plan.size(), datasetMembers, stats)
                    .with("writers", plan.size())
                    .with("member_changes", stats.successes())
                    .with("deadlocks", deadlocks)
                    .with("rollup_check", rollups.mismatches())
                    .with("rollup_orgs_checked", rollups.orgs())
                    .with("rollup_check_ms", rollups.millis())
                    .with("members_created_and_deleted", cleanup.total() - cleanup.failed())
                    .with("warmup_seconds", options.warmupSeconds())
                    .with("warmup_members", warmUp.total()));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Cleanup(int total, int failed) {
    }

    /**
     * The same writers, untimed, for {@code --warmup-seconds}, and their members deleted: the reads are timed after a
     * warm-up, and without one the writes were timed while the JIT was still compiling their path (the same build
     * measured 270 changes/s in its first 20 s and 500–609/s in the next four).
     */
    private Cleanup warmUp(ExecutorService pool, List<WriterBranches> plan, Random random) {
        if (options.warmupSeconds() <= 0) {
            return new Cleanup(0, 0);
        }
        List<List<Long>> created = write(pool, plan, new MemberDrafts(plan.size(), random), new LatencyStats(),
                options.warmupSeconds());
        Cleanup cleanup = removeAll(pool, created);
        if (cleanup.failed() > 0) {
            notes.add("writes: " + cleanup.failed() + " of the " + cleanup.total()
                    + " members created while warming up could not be deleted; the data set grew by that many");
        }
        return cleanup;
    }

    /** Every writer on its own thread until the deadline; the ids each created. */
    private List<List<Long>> write(ExecutorService pool, List<WriterBranches> plan, MemberDrafts drafts,
                                   LatencyStats stats, long seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> writers = new ArrayList<>();
        plan.forEach(branches -> writers.add(pool.submit(new Writer(api, branches, drafts, stats, deadline))));
        List<List<Long>> created = new ArrayList<>();
        for (Future<List<Long>> writer : writers) {
            created.add(await(writer));
        }
        return created;
    }

    /** Each writer's members are deleted by one task, as many in parallel as there were writers. */
    private Cleanup removeAll(ExecutorService pool, List<List<Long>> created) {
        List<Future<Integer>> tasks = new ArrayList<>();
        for (List<Long> ids : created) {
            tasks.add(pool.submit(() -> (int) ids.stream().filter(id -> !api.delete("/api/v1/members/" + id).ok()).count()));
        }
        int failed = 0;
        for (Future<Integer> task : tasks) {
            failed += await(task);
        }
        return new Cleanup(created.stream().mapToInt(List::size).sum(), failed);
    }

    /** Every organization on the paths of the writers' branches: all roll-up rows their changes touch. */
    private static List<Long> touchedOrganizations(List<WriterBranches> plan) {
        return plan.stream().flatMap(p -> java.util.stream.Stream.of(p.home(), p.away()))
                .flatMap(org -> org.pathIds().stream()).distinct().toList();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during the write workload", e);
        } catch (ExecutionException e) {
            throw new BenchException("a writer failed: " + e.getCause(), e.getCause());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
