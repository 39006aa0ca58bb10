package cn.zhibu.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's REST API as a logged-in user sees it. One transport is shared by all benchmark threads and keeps a
 * connection per concurrent caller alive, so 64 callers reuse 64 connections instead of reconnecting.
 */
final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON = "application/json";

    private final HttpTransport http;
    private final URI base;
    private final String authorization;

    private ApiClient(HttpTransport http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    /** Logs in with user name and password over the given client and keeps the API token for every later call. */
    static ApiClient login(URI base, String user, String password, BenchOptions.Client client) {
        HttpTransport http = HttpTransport.of(client);
        return new ApiClient(http, base, token(http, base, user, password));
    }

    /**
     * Another user, logged in through this client's transport: a thousand members of the check-in burst share its
     * connections instead of opening a pool each.
     */
    ApiClient as(String user, String password) {
        return new ApiClient(http, base, token(http, base, user, password));
    }

    private static String token(HttpTransport http, URI base, String user, String password) {
        ApiResponse answer = http.exchange("POST", URI.create(base + "/api/v1/auth/token"),
                List.of("Content-Type", JSON), json(Map.of("username", user, "password", password)), REQUEST_TIMEOUT);
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
        return call("GET", pathAndQuery, null, null, REQUEST_TIMEOUT);
    }

    /** A read the server must compute afresh ({@code Cache-Control: no-cache}): what the work itself costs. */
    ApiResponse getFresh(String pathAndQuery) {
        return call("GET", pathAndQuery, List.of("Cache-Control", "no-cache"), null, REQUEST_TIMEOUT);
    }

    /** A read by a client that holds the answer tagged {@code etag} (null: holds nothing), as a browser revalidates. */
    ApiResponse getIfChanged(String pathAndQuery, String etag) {
        return call("GET", pathAndQuery, etag == null ? null : List.of("If-None-Match", etag), null, REQUEST_TIMEOUT);
    }

    ApiResponse post(String path, Object body) {
        return post(path, body, REQUEST_TIMEOUT);
    }

    /** A POST that may take longer than a read (a province's bills): its own timeout. */
    ApiResponse post(String path, Object body, Duration timeout) {
        return call("POST", path, List.of("Content-Type", JSON), json(body), timeout);
    }

    ApiResponse put(String path, Object body) {
        return call("PUT", path, List.of("Content-Type", JSON), json(body), REQUEST_TIMEOUT);
    }

    /** A file upload as multipart/form-data, in the part named {@code file}. */
    ApiResponse postFile(String path, String fileName, byte[] content) {
        String boundary = "zhibu-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream(head.length + content.length + tail.length);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return call("POST", path, List.of("Content-Type", "multipart/form-data; boundary=" + boundary),
                body.toByteArray(), REQUEST_TIMEOUT);
    }

    ApiResponse delete(String path) {
        return call("DELETE", path, null, null, REQUEST_TIMEOUT);
    }

    static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }

    private ApiResponse call(String method, String pathAndQuery, List<String> extraHeaders, byte[] body,
                             Duration timeout) {
        List<String> headers = new ArrayList<>(6);
        headers.addAll(List.of("Authorization", authorization, "Accept", JSON));
        if (extraHeaders != null) {
            headers.addAll(extraHeaders);
        }
        // Appended, not resolved: an app deployed under a context path keeps it.
        return http.exchange(method, URI.create(base + pathAndQuery), headers, body, timeout);
    }

    private static byte[] json(Object body) {
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }
}
