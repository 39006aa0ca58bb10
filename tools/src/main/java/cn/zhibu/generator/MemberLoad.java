package cn.zhibu.generator;

import cn.zhibu.platform.db.CopyStream;

import org.slf4j.Logger;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams the members into one COPY while worker threads generate and encrypt the chunks ahead of it. Chunks are
 * written in plan order whatever order they finish in, so ids and rows do not depend on thread timing; only a
 * few chunks are in flight, so memory stays flat.
 */
final class MemberLoad {

    private final ProvincePlan plan;
    private final int workers;
    private final ChunkTaskFactory tasks;

    /** Makes the task of a chunk. */
    interface ChunkTaskFactory {
        ChunkTask of(MemberChunk chunk);
    }

    MemberLoad(ProvincePlan plan, int workers, ChunkTaskFactory tasks) {
        this.plan = plan;
        this.workers = workers;
        this.tasks = tasks;
    }

    long run(Connection connection, MemberRollupCounts rollup, Logger log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        Progress progress = new Progress(log, "党员", plan.members());
        try (CopyStream copy = CopyStream.open(connection, "member", MemberRows.COLUMNS)) {
            Iterator<MemberChunk> chunks = plan.chunks().iterator();
            Deque<Future<ChunkOutput>> inFlight = new ArrayDeque<>();
            while (chunks.hasNext() && inFlight.size() < workers * 2) {
                inFlight.add(pool.submit(tasks.of(chunks.next())));
            }
            while (!inFlight.isEmpty()) {
                ChunkOutput output = result(inFlight.poll());
                if (chunks.hasNext()) {
                    inFlight.add(pool.submit(tasks.of(chunks.next())));
                }
                copy.send(output.rows());
                rollup.add(output);
                progress.advance(output.chunk().members());
            }
            return copy.finish();
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChunkOutput result(Future<ChunkOutput> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "generator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
