package cn.zhibu.bench;

import java.util.HashMap;
import java.util.Map;

import java.util.List;

/**
 * One client, one request at a time: the latency a single user sees, without queueing behind others. Each read asks
 * for a fresh answer ({@code Cache-Control: no-cache}), so the figure is the work of the view, not the read cache's.
 */
final class ReadTimer {

    private ReadTimer() {
    }

    static LatencyStats time(ApiClient api, List<String> uris, int requests) {
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            stats.record(api.getFresh(uris.get(i % uris.size())));
        }
        stats.wallTime(System.nanoTime() - start);
        return stats;
    }

    /**
     * A client that reloads what it has seen: each URI is read once untimed (the client keeps the answer and its
     * tag), then read again with {@code If-None-Match}, timed — 304 while nothing changed, the new answer otherwise.
     */
    static LatencyStats timeRepeated(ApiClient api, List<String> uris, int requests) {
        Map<String, String> tags = new HashMap<>();
        for (String uri : uris.subList(0, Math.min(uris.size(), requests))) {
            tags.put(uri, api.getIfChanged(uri, null).etag());
        }
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            String uri = uris.get(i % uris.size());
            stats.record(api.getIfChanged(uri, tags.get(uri)));
        }
        stats.wallTime(System.nanoTime() - start);
        return stats;
    }
}
