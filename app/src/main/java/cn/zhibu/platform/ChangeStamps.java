package cn.zhibu.platform;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stamps of committed changes by place in the organization tree. A change declared at a path can alter what any
 * organization in its subtree shows and the counts of every ancestor: so it stamps the path itself ("at") and every
 * ancestor's subtree ("at or below"). The version of what a reader of some subtrees sees is the latest stamp that can
 * reach them: a change at or below one of them, at one of their ancestors, or anywhere ("anything").
 */
final class ChangeStamps {

    /** Beyond this many remembered paths, they are forgotten as one change of anything: versions only ever grow. */
    private static final int MAX_PATHS = 200_000;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong anything = new AtomicLong();
    private final Map<String, Long> at = new ConcurrentHashMap<>();
    private final Map<String, Long> atOrBelow = new ConcurrentHashMap<>();

    long latest() {
        return clock.get();
    }

    void anything() {
        long stamp = clock.incrementAndGet();
        anything.accumulateAndGet(stamp, Math::max);
    }

    void changed(Collection<String> paths) {
        if (at.size() > MAX_PATHS) {
            at.clear();
            atOrBelow.clear();
            anything();
            return;
        }
        long stamp = clock.incrementAndGet();
        for (String path : paths) {
            at.merge(path, stamp, Math::max);
            for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
                atOrBelow.merge(path.substring(0, end + 1), stamp, Math::max);
            }
        }
    }

    long versionOf(Collection<TreePath> roots) {
        long version = anything.get();
        for (TreePath root : roots) {
            String path = root.value();
            version = Math.max(version, atOrBelow.getOrDefault(path, 0L));
            for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
                version = Math.max(version, at.getOrDefault(path.substring(0, end + 1), 0L));
            }
        }
        return version;
    }
}
