package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The plain JDK HTTP client the fuzzer sends through, with the few well-formed calls it needs besides. */
final class FuzzHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client;

    FuzzHttp(String base) {
        this.base = base.replaceAll("/+$", "");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String base() {
        return base;
    }

    HttpClient client() {
        return client;
    }

    /** A bearer token for the account; fails loudly, since nothing can be fuzzed without one. */
    String login(String username, String password) {
        String body = "{\"username\":" + EdgeValues.json(username) + ",\"password\":" + EdgeValues.json(password) + "}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asString();
    }

    /** The JSON answer of a GET, or null if it was not a 200. */
    JsonNode getJson(String pathAndQuery, String token) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    byte[] getBytes(String pathAndQuery, String token) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String getText(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
