package cn.zhibu.bench;

import java.util.List;
import java.util.Map;

/** A read to measure: its result name, the requests that make it up (cycled through), and facts to report. */
record ReadOperation(String name, List<String> uris, Map<String, Object> facts) {

    /** The same read over its first {@code n} requests only. */
    ReadOperation first(int n) {
        return uris.size() <= n ? this : new ReadOperation(name, uris.subList(0, n), facts);
    }
}
