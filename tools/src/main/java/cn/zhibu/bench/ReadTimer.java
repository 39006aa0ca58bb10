package cn.zhibu.bench;

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
}
