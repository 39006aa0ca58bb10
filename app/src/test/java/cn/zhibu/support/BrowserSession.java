package cn.zhibu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that logs in through the login form and posts forms with the CSRF token. */
public final class BrowserSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public BrowserSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Page(int status, String body, Map<String, java.util.List<String>> headers) {
        public String location() {
            return headers.getOrDefault("location", java.util.List.of("")).get(0);
        }
    }

    public static BrowserSession loggedIn(int port, String username, String password) {
        BrowserSession s = new BrowserSession(port);
        Page login = s.login(username, password);
        if (login.status() != 302 || login.location().contains("error")) {
            throw new IllegalStateException("form login failed for " + username + ": " + login.location());
        }
        return s;
    }

    public Page login(String username, String password) {
        String token = csrfFrom(get("/login").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", token);
        return postForm("/login", form);
    }

    /** The value of the named cookie the session holds now, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form with a CSRF token fetched from a page of the session, as the browser would. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        Page page = get("/orgs");
        if (page.status() == 302) {
            page = get(page.location().replaceFirst("^https?://[^/]+", ""));
        }
        withToken.put("_csrf", csrfFrom(page.body()));
        return postForm(path, withToken);
    }

    /**
     * Posts a JSON body as a page's script does: with the CSRF token of a page of the session in the header the
     * page's meta tag names ({@code X-CSRF-TOKEN}).
     */
    public Page postJson(String path, String json) {
        Page page = get("/orgs");
        if (page.status() == 302) {
            page = get(page.location().replaceFirst("^https?://[^/]+", ""));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrfFrom(page.body()))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Puts raw bytes as a page's script uploads a file: the CSRF token of a page of the session in the header. */
    public Page putBytes(String path, String contentType, byte[] body) {
        Page page = get("/orgs");
        if (page.status() == 302) {
            page = get(page.location().replaceFirst("^https?://[^/]+", ""));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", csrfFrom(page.body()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Puts raw bytes without the CSRF token (a forged cross-site request). */
    public Page putBytesWithoutToken(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Posts a JSON body without the CSRF token (a forged cross-site request). */
    public Page postJsonWithoutToken(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Page postWithoutToken(String path, Map<String, String> form) {
        return postForm(path, form);
    }

    private Page postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String csrfFrom(String html) {
        Matcher m = CSRF_INPUT.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher meta = CSRF_META.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new IllegalStateException("no CSRF token on page");
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
