package cn.zhibu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop load: each client sends its next request as soon as the last one answered, for a fixed time. Each
 * request is a random operation of the read plan (all equally likely), on a random one of its samples.
 */
final class MixedLoad {

    /** How the clients ask. */
    enum Clients {
        /** Every answer computed afresh ({@code Cache-Control: no-cache}): the work of the views alone. */
        FRESH,
        /**
         * As browsers and apps do: each client keeps the tag of every answer it got and sends it back
         * ({@code If-None-Match}); the server may answer 304 or from its read cache.
         */
        REPEATING
    }

    private MixedLoad() {
    }

    static LatencyStats run(ApiClient api, List<ReadOperation> operations, int clients, Duration duration) {
        return run(api, operations, clients, duration, Clients.FRESH);
    }

    static LatencyStats run(ApiClient api, List<ReadOperation> operations, int clients, Duration duration,
                            Clients how) {
        LatencyStats stats = new LatencyStats();
        ExecutorService pool = Threads.pool("bench-client", clients);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Map<String, String> tags = new HashMap<>();
                    while (System.nanoTime() < deadline) {
                        List<String> uris = operations.get(random.nextInt(operations.size())).uris();
                        String uri = uris.get(random.nextInt(uris.size()));
                        if (how == Clients.FRESH) {
                            stats.record(api.getFresh(uri));
                        } else {
                            ApiResponse answer = api.getIfChanged(uri, tags.get(uri));
                            stats.record(answer);
                            if (answer.status() == 200 && answer.etag() != null) {
                                tags.put(uri, answer.etag());
                            }
                        }
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
