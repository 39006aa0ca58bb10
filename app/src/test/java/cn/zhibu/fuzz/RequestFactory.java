package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Makes request number {@code index} of a run from the OpenAPI document: an operation, its path and query
 * parameters and its body, each value either plausible or an edge of its kind ({@link ParameterValues},
 * {@link JsonBodies}, {@link Uploads}), and now and then a request wrong as a whole ({@link BrokenBodies}, a wrong
 * method, an unknown path, an odd Accept header, no token or a forged one). The request depends only on the seed
 * and the index, so a failure can be made again alone.
 */
final class RequestFactory {

    /** How the request authenticates: the caller's token, none, or a forged one. */
    enum Auth { CALLER, NONE, FORGED }

    record FuzzRequest(long index, String operation, String method, String pathAndQuery, String contentType,
                       byte[] body, String accept, Auth auth, List<String> labels) {

        String describe(int bodyChars) {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, bodyChars * 4),
                    StandardCharsets.UTF_8);
            if (text.length() > bodyChars) {
                text = text.substring(0, bodyChars) + "…(" + body.length + " bytes)";
            }
            return "#" + index + " " + method + " " + truncate(pathAndQuery, 300)
                    + (contentType == null ? "" : " [" + contentType + "]") + (auth == Auth.CALLER ? "" : " auth=" + auth)
                    + (accept == null ? "" : " accept=" + accept) + "\n    inputs: " + labels
                    + (text.isEmpty() ? "" : "\n    body: " + escape(text));
        }
    }

    private static final String JSON = "application/json";
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final ApiDocument document;
    private final IdPools ids;
    private final ParameterValues values;
    private final JsonBodies json;
    private final Uploads uploads;
    private final Set<String> neverWithCallerToken;
    private final long seed;

    /**
     * @param sampleUpload         a valid file for upload operations (e.g. the import template), mutated by the fuzzer
     * @param neverWithCallerToken operations sent only without the caller's token ("DELETE /api/v1/auth/token" would
     *                             end the run's session)
     */
    RequestFactory(ApiDocument document, IdPools ids, byte[] sampleUpload, Set<String> neverWithCallerToken, long seed) {
        this.document = document;
        this.ids = ids;
        this.values = new ParameterValues(document, ids);
        this.json = new JsonBodies(document, values);
        this.uploads = new Uploads(document, values, sampleUpload);
        this.neverWithCallerToken = neverWithCallerToken;
        this.seed = seed;
    }

    FuzzRequest create(long index) {
        Choices c = new Choices(new SplittableRandom(seed ^ (index * GOLDEN + 1)));
        ApiDocument.Operation op = c.pick(document.operations());
        String method = op.method();
        if (c.chance(2)) {
            method = c.pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"));
            c.label("method=" + method);
        }
        String path = path(c, op);
        if (c.chance(1)) {
            path = "/api/v1/" + c.pick(List.of("nothing", "members/1/nothing", "orgs/x/y/z", "%2e%2e/actuator", "members/",
                    "v2/members"));
            c.label("path=unknown");
        }
        String query = query(c, op);
        String contentType = null;
        byte[] body = null;
        if (op.body() != null && op.body().content().containsKey(Uploads.MULTIPART)) {
            Uploads.Multipart m = uploads.body(c, op.body().content().get(Uploads.MULTIPART));
            contentType = m.contentType();
            body = m.body();
        } else if (op.body() != null) {
            JsonNode schema = op.body().content().getOrDefault(JSON, op.body().content().values().iterator().next());
            contentType = JSON;
            body = json.body(c, schema).getBytes(StandardCharsets.UTF_8);
        } else if (c.chance(2)) {
            contentType = JSON;
            body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            c.label("body=unexpected");
        }
        if (body != null && body.length < 10 << 20) {
            if (c.chance(5)) {
                body = BrokenBodies.malformed(c, body);
            } else if (c.chance(4)) {
                contentType = BrokenBodies.wrongContentType(c, contentType);
            } else if (c.chance(1)) {
                body = BrokenBodies.oversize(c);
                contentType = JSON;
            } else if (c.chance(2)) {
                body = new byte[0];
                c.label("body=empty");
            }
        }
        String accept = null;
        if (c.chance(5)) {
            accept = c.pick(List.of("application/xml", "text/html", "image/png", "text/plain", "*/*",
                    "application/problem+json", "application/json;q=0, text/html"));
            c.label("accept=" + accept);
        }
        Auth auth = Auth.CALLER;
        // also when the method drawn turns another operation's path into this one (POST → DELETE /auth/token)
        if (neverWithCallerToken.contains(op.key()) || neverWithCallerToken.contains(method + " " + op.path())) {
            auth = Auth.FORGED;
        } else if (c.chance(3)) {
            auth = c.random().nextBoolean() ? Auth.NONE : Auth.FORGED;
            c.label("auth=" + auth);
        }
        return new FuzzRequest(index, op.key(), method, path + query, contentType, body, accept, auth, c.labels());
    }

    private String path(Choices c, ApiDocument.Operation op) {
        String path = op.path();
        for (ApiDocument.Parameter p : op.parameters("path")) {
            path = path.replace("{" + p.name() + "}", pathValue(c, op.path(), p));
        }
        return path;
    }

    /** Mostly an id of a real record of the kind the path names (own or another's), else an edge. */
    private String pathValue(Choices c, String template, ApiDocument.Parameter p) {
        String where = "path." + p.name();
        if (c.chance(8)) {
            return c.edge(where, EdgeValues.PATH_SEGMENTS).text(); // already percent-encoded
        }
        if ("date".equals(p.schema().path("format").asString())) {
            return encode(c.chance(75) ? ParameterValues.plausibleDate(c).toString()
                    : c.edge(where, EdgeValues.PARAM_DATES).text());
        }
        String id = c.chance(85) ? ids.pick(IdPools.kindOfPathParameter(template, p.name()), c.random()) : null;
        if (id != null) {
            return encode(id);
        }
        if ("integer".equals(ApiDocument.type(p.schema()))) {
            return encode(c.chance(40) ? Integer.toString(1 + c.below(5000)) : c.edge(where, EdgeValues.PARAM_INTEGERS).text());
        }
        return encode(c.chance(40) ? new UUID(c.random().nextLong(), c.random().nextLong()).toString()
                : c.edge(where, EdgeValues.PARAM_STRINGS).text());
    }

    private String query(Choices c, ApiDocument.Operation op) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (ApiDocument.Parameter p : op.parameters("query")) {
            if (c.chance(p.required() ? 92 : 45)) {
                query.add(encode(p.name()) + "=" + encode(values.text(c, p.name(), p.schema(), "query." + p.name())));
            }
            if (c.chance(2)) {
                query.add(encode(p.name()) + "=" + encode(values.text(c, p.name(), p.schema(), "query." + p.name())));
                c.label("query." + p.name() + "=repeated");
            }
        }
        if (c.chance(3)) {
            query.add(c.pick(List.of("unknown=1", "scope=all", "page=-1", "size=100000", "sort=id;drop", "orgId[]=1",
                    "%00=%00")));
            c.label("query=extra");
        }
        return query.toString();
    }

    /** Percent-encodes all but the unreserved characters (RFC 3986), as UTF-8; lone surrogates become '?'. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** Control characters and the like made visible, so a printed failure can be read and pasted. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                    || (cp >= 0xD800 && cp <= 0xDFFF)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
