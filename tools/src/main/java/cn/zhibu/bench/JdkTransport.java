package cn.zhibu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The JDK's {@link HttpClient} ({@code --client jdk}, every run before the fifteenth session): one HTTP/1.1 client
 * that keeps a connection per concurrent caller alive. Each exchange hops between the caller, a selector thread and
 * an executor thread, which costs the load generator more CPU per request than {@link PooledTransport}.
 */
final class JdkTransport implements HttpTransport {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            // The client's internal work runs here; daemon threads so a finished run lets the JVM exit.
            .executor(Executors.newCachedThreadPool(Threads.daemon("bench-http")))
            .build();

    @Override
    public ApiResponse exchange(String method, URI uri, List<String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.body(), System.nanoTime() - start,
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new ApiResponse(0, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiResponse(0, "interrupted", System.nanoTime() - start);
        }
    }
}
