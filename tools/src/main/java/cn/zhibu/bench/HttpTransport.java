package cn.zhibu.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the benchmark's requests travel, one implementation per HTTP client ({@code --client}). Each call blocks the
 * calling thread and times the whole exchange, body included, as a browser would wait for it.
 */
interface HttpTransport {

    /**
     * One exchange. {@code headers} are name, value, name, value…; {@code body} is null for none. A transport failure
     * (refused, timed out) answers status 0 with the exception text, so it counts as an error like any non-2xx answer.
     */
    ApiResponse exchange(String method, URI uri, List<String> headers, byte[] body, Duration timeout);

    /** The transport {@code --client} names. */
    static HttpTransport of(BenchOptions.Client client) {
        return switch (client) {
            case POOLED -> new PooledTransport();
            case JDK -> new JdkTransport();
        };
    }
}
