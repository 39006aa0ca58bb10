package cn.zhibu.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5's blocking client over a connection pool ({@code --client pooled}, the default): the calling
 * thread writes the request and reads the answer on a pooled keep-alive connection itself, with no hand-off to
 * other threads. On two cores shared with the app that leaves the app more of the CPU the benchmark measures.
 */
final class PooledTransport implements HttpTransport {

    /** More than any phase's concurrent callers (the check-in burst's 200), so no caller waits for a connection. */
    private static final int CONNECTIONS = 512;

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONNECTIONS)
                    .setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            // the server may have closed a connection left idle (its keep-alive timeout):
                            // one idle for 2 s is checked before it is reused
                            .setValidateAfterInactivity(Timeout.ofSeconds(2))
                            .build())
                    .build())
            // A benchmark counts what the server answered: no retries, redirects, cookies or decompression.
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
            .build();

    @Override
    public ApiResponse exchange(String method, URI uri, List<String> headers, byte[] body, Duration timeout) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
        for (int i = 0; i < headers.size(); i += 2) {
            builder.addHeader(headers.get(i), headers.get(i + 1));
        }
        if (body != null) {
            // The Content-Type travels among the headers; the entity only carries the bytes.
            builder.setEntity(new ByteArrayEntity(body, null));
        }
        ClassicHttpRequest request = builder.build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        long start = System.nanoTime();
        try {
            return http.execute(request, context, response -> {
                String text = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                Header etag = response.getFirstHeader("ETag");
                return new ApiResponse(response.getCode(), text, System.nanoTime() - start,
                        etag == null ? null : etag.getValue());
            });
        } catch (IOException e) {
            return new ApiResponse(0, e.toString(), System.nanoTime() - start);
        }
    }
}
