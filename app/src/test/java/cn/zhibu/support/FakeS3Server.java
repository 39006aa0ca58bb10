package cn.zhibu.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small S3-compatible object store for the tests, on the JDK's HTTP server: one bucket, path-style addresses
 * ({@code /bucket/key}), PUT (plain or {@code aws-chunked} bodies, as the SDK sends over plain HTTP), HEAD, GET with a
 * single {@code Range} (206 / 416), DELETE, and S3's XML errors ({@code NoSuchKey} 404). Signatures are not verified,
 * but an unsigned request is refused (403) and every request is recorded with its {@code Authorization} header, so a
 * test can see that the client signed with AWS Signature V4.
 */
public final class FakeS3Server implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** One request as the store saw it. */
    public record Recorded(String method, String key, String range, String authorization, String contentSha256,
                           String contentEncoding) {

        public boolean signedV4() {
            return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 Credential=");
        }
    }

    private final String bucket;
    private final HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new ArrayList<>();

    public FakeS3Server(String bucket) throws IOException {
        this.bucket = bucket;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to give the client (path-style). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Recorded> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    public synchronized void forget() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Headers h = ex.getRequestHeaders();
            String path = ex.getRequestURI().getRawPath();
            String prefix = "/" + bucket + "/";
            String key = path.startsWith(prefix) ? URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8) : null;
            Recorded r = new Recorded(ex.getRequestMethod(), key, h.getFirst("Range"), h.getFirst("Authorization"),
                    h.getFirst("x-amz-content-sha256"), h.getFirst("Content-Encoding"));
            synchronized (this) {
                requests.add(r);
            }
            if (!r.signedV4()) {
                error(ex, 403, "AccessDenied", "request not signed with AWS Signature V4");
                return;
            }
            if (key == null || key.isEmpty()) {
                error(ex, 404, "NoSuchBucket", "only bucket " + bucket + " exists, addressed path-style");
                return;
            }
            switch (ex.getRequestMethod()) {
                case "PUT" -> put(ex, key, r);
                case "HEAD" -> head(ex, key);
                case "GET" -> get(ex, key, r.range());
                case "DELETE" -> {
                    objects.remove(key);
                    ex.sendResponseHeaders(204, -1);
                }
                default -> error(ex, 405, "MethodNotAllowed", ex.getRequestMethod());
            }
        } catch (IOException e) {
            // the client went away mid-answer (a player closing a ranged stream early): nothing to do
        }
    }

    private void put(HttpExchange ex, String key, Recorded r) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean chunked = (r.contentEncoding() != null && r.contentEncoding().contains("aws-chunked"))
                || (r.contentSha256() != null && r.contentSha256().startsWith("STREAMING-"));
        byte[] content = chunked ? decodeAwsChunked(body) : body;
        String decoded = ex.getRequestHeaders().getFirst("x-amz-decoded-content-length");
        if (decoded != null && Long.parseLong(decoded) != content.length) {
            error(ex, 400, "IncompleteBody", "decoded length " + content.length + " ≠ " + decoded);
            return;
        }
        objects.put(key, content);
        ex.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(content)) + "\"");
        ex.sendResponseHeaders(200, -1);
    }

    private void head(HttpExchange ex, String key) throws IOException {
        byte[] content = objects.get(key);
        if (content == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        ex.sendResponseHeaders(200, -1);
    }

    private void get(HttpExchange ex, String key, String range) throws IOException {
        byte[] content = objects.get(key);
        if (content == null) {
            error(ex, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        int from = 0;
        int to = content.length - 1;
        int status = 200;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                error(ex, 400, "InvalidArgument", "bad range " + range);
                return;
            }
            if (m.group(1).isEmpty()) {
                from = Math.max(0, content.length - Integer.parseInt(m.group(2)));
            } else {
                from = Integer.parseInt(m.group(1));
                if (!m.group(2).isEmpty()) {
                    to = Math.min(to, Integer.parseInt(m.group(2)));
                }
            }
            if (from >= content.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                error(ex, 416, "InvalidRange", "The requested range is not satisfiable");
                return;
            }
            status = 206;
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        int length = to - from + 1;
        ex.sendResponseHeaders(status, length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(content, from, length);
        }
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, xml.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(xml);
        }
    }

    /**
     * The payload of an {@code aws-chunked} body: chunks of {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n}, ended by
     * a chunk of size 0 (then trailing checksum headers, ignored).
     */
    static byte[] decodeAwsChunked(byte[] body) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String line = line(in);
            int semicolon = line.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new IOException("aws-chunked body cut short");
            }
            out.writeBytes(chunk);
            if (!line(in).isEmpty()) {
                throw new IOException("aws-chunked chunk not followed by CRLF");
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
