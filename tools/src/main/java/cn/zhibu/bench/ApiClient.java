package cn.zhibu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The platform's REST API as a logged-in user sees it. One HTTP/1.1 client is shared by all benchmark threads: it
 * keeps a connection per concurrent caller alive, so 64 callers reuse 64 connections instead of reconnecting.
 */
final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    private ApiClient(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /** Logs in with user name and password and keeps the API token for every later call. */
    static ApiClient login(URI base, String user, String password) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                // The client's internal work runs here; daemon threads so a finished run lets the JVM exit.
                .executor(Executors.newCachedThreadPool(Threads.daemon("bench-http")))
                .build();
        return new ApiClient(http, base, token(http, base, user, password));
    }

    /**
     * Another user, logged in through this client's HTTP client: a thousand members of the check-in burst share its
     * connections and threads instead of starting a client each.
     */
    ApiClient as(String user, String password) {
        return new ApiClient(http, base, token(http, base, user, password));
    }

    private static String token(HttpClient http, URI base, String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("username", user, "password", password))))
                .build();
        ApiResponse answer = send(http, request);
        if (answer.status() == 0) {
            throw new BenchException("cannot reach the app at " + base + ": " + answer.body());
        }
        String token = answer.ok() ? Json.text(answer.json(), "token") : null;
        if (token == null) {
            throw new BenchException("login as '" + user + "' failed: " + answer.describe()
                    + " (the generated data set has 'sheng'; the demo data has 'admin' — use --user)");
        }
        return token;
    }

    ApiResponse get(String pathAndQuery) {
        return send(http, request(pathAndQuery).GET().build());
    }

    /** A read the server must compute afresh ({@code Cache-Control: no-cache}): what the work itself costs. */
    ApiResponse getFresh(String pathAndQuery) {
        return send(http, request(pathAndQuery).header("Cache-Control", "no-cache").GET().build());
    }

    /** A read by a client that holds the answer tagged {@code etag} (null: holds nothing), as a browser revalidates. */
    ApiResponse getIfChanged(String pathAndQuery, String etag) {
        HttpRequest.Builder request = request(pathAndQuery);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return send(http, request.GET().build());
    }

    ApiResponse post(String path, Object body) {
        return send(http, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    /** A POST that may take longer than a read (a province's bills): its own timeout. */
    ApiResponse post(String path, Object body, Duration timeout) {
        return send(http, request(path).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    ApiResponse put(String path, Object body) {
        return send(http, request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    /** A file upload as multipart/form-data, in the part named {@code file}. */
    ApiResponse postFile(String path, String fileName, byte[] content) {
        String boundary = "zhibu-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(http, request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail))).build());
    }

    ApiResponse delete(String path) {
        return send(http, request(path).DELETE().build());
    }

    static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        // Appended, not resolved: an app deployed under a context path keeps it.
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    /** Times the whole exchange, body included, as a browser would wait for it. */
    private static ApiResponse send(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
