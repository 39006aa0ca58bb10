package cn.zhibu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop load: each client sends its next request as soon as the last one answered, for a fixed time. Each
 * request is a random operation of the read plan (all equally likely), on a random one of its samples.
 */
final class MixedLoad {

    private MixedLoad() {
    }

    static LatencyStats run(ApiClient api, List<ReadOperation> operations, int clients, Duration duration) {
        LatencyStats stats = new LatencyStats();
        ExecutorService pool = Threads.pool("bench-client", clients);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        List<String> uris = operations.get(random.nextInt(operations.size())).uris();
                        stats.record(api.get(uris.get(random.nextInt(uris.size()))));
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during the mixed workload", e);
        } catch (ExecutionException e) {
            throw new BenchException("a client of the mixed workload failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // Until the last answer: requests started just before the deadline count, and so does their time.
        stats.wallTime(System.nanoTime() - start);
        return stats;
    }
}
