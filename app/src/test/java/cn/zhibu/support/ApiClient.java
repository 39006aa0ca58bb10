package cn.zhibu.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Calls the REST API over real HTTP with a bearer token obtained by logging in through the API. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code errors} of a problem document: field → reason (empty when there are none). */
        public Map<String, String> errors() {
            JsonNode errors = json().get("errors");
            Map<String, String> result = new java.util.LinkedHashMap<>();
            if (errors != null) {
                errors.propertyNames().forEach(f -> result.put(f, errors.get(f).asString()));
            }
            return result;
        }
    }

    public static ApiClient loggedIn(int port, String username, String password) {
        ApiClient client = new ApiClient(port);
        Response r = client.post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed for " + username + ": " + r);
        }
        client.token = r.json().get("token").asString();
        return client;
    }

    /** The same logged-in user, calling another node of the cluster. */
    public ApiClient on(int otherPort) {
        ApiClient other = new ApiClient(otherPort);
        other.token = token;
        return other;
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(builder(path).POST(json(body)));
    }

    /** A multipart upload of one file as the form field {@code file}. */
    public Response postFile(String path, String fileName, byte[] content) {
        String boundary = "zhibu-test-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /** A download: status, content type and the body's bytes. */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> r = http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, Object body) {
        return send(builder(path).PUT(json(body)));
    }

    /** Any request, with the body as given (raw JSON, a form, nothing) and extra headers. */
    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::setHeader);
        return send(b);
    }

    /** Posts a body exactly as written, e.g. {@code {"orgId": 1.5}}. */
    public Response postJson(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to this server with the caller's token, for what the helpers above do not cover. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private Response send(HttpRequest.Builder request) {
        return send(request.build());
    }
}
