package cn.zhibu.fuzz;

import cn.zhibu.fuzz.EdgeValues.Value;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;

import static cn.zhibu.fuzz.EdgeValues.pick;

/**
 * Makes request number {@code index} of a run from the OpenAPI document: an operation, its path and query
 * parameters and its body, each value either plausible (an id of a real record, a valid enum, a recent date) or an
 * edge of its kind, and now and then a request that is wrong as a whole (malformed JSON, a wrong content type, an
 * oversize body, a wrong method, no token). The request depends only on the seed and the index, so a failure can
 * be made again alone.
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
    private static final String MULTIPART = "multipart/form-data";
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final ApiDocument document;
    private final IdPools ids;
    private final byte[] sampleUpload;
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
        this.sampleUpload = sampleUpload == null ? new byte[0] : sampleUpload;
        this.neverWithCallerToken = neverWithCallerToken;
        this.seed = seed;
    }

    FuzzRequest create(long index) {
        return new Builder(new SplittableRandom(seed ^ (index * GOLDEN + 1))).build(index);
    }

    /** One request's choices; a fresh builder per request keeps threads apart and each request reproducible. */
    private final class Builder {

        private final SplittableRandom random;
        private final List<String> labels = new ArrayList<>();

        Builder(SplittableRandom random) {
            this.random = random;
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private Value edge(String where, List<Value> values) {
            Value v = pick(random, values);
            labels.add(where + "=" + v.label());
            return v;
        }

        FuzzRequest build(long index) {
            List<ApiDocument.Operation> operations = document.operations();
            ApiDocument.Operation op = operations.get(random.nextInt(operations.size()));
            String method = op.method();
            String path = path(op);
            if (chance(2)) {
                method = pick(random, List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"));
                labels.add("method=" + method);
            }
            if (chance(1)) {
                path = "/api/v1/" + pick(random, List.of("nothing", "members/1/nothing", "orgs/x/y/z", "%2e%2e/actuator",
                        "members/", "v2/members"));
                labels.add("path=unknown");
            }
            String query = query(op);
            String contentType = null;
            byte[] body = null;
            if (op.body() != null && op.body().content().containsKey(MULTIPART)) {
                Multipart m = chance(1) ? overLimitUpload() : multipart(op.body().content().get(MULTIPART));
                contentType = m.contentType();
                body = m.body();
            } else if (op.body() != null) {
                JsonNode schema = op.body().content().getOrDefault(JSON, op.body().content().values().iterator().next());
                contentType = JSON;
                body = jsonValue(schema, "body", 0).getBytes(StandardCharsets.UTF_8);
            } else if (chance(2)) {
                contentType = JSON;
                body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
                labels.add("body=unexpected");
            }
            if (body != null && body.length < 10 << 20) {
                if (chance(5)) {
                    body = malformed(body);
                } else if (chance(4)) {
                    contentType = wrongContentType(contentType);
                } else if (chance(1)) {
                    body = oversize();
                    contentType = JSON;
                } else if (chance(2)) {
                    body = new byte[0];
                    labels.add("body=empty");
                }
            }
            String accept = null;
            if (chance(5)) {
                accept = pick(random, List.of("application/xml", "text/html", "image/png", "text/plain", "*/*",
                        "application/problem+json", "application/json;q=0, text/html"));
                labels.add("accept=" + accept);
            }
            Auth auth = Auth.CALLER;
            if (neverWithCallerToken.contains(op.key())) {
                auth = Auth.FORGED;
            } else if (chance(3)) {
                auth = random.nextBoolean() ? Auth.NONE : Auth.FORGED;
                labels.add("auth=" + auth);
            }
            return new FuzzRequest(index, op.key(), method, path + query, contentType, body, accept, auth,
                    List.copyOf(labels));
        }

        // ---- path and query

        private String path(ApiDocument.Operation op) {
            String path = op.path();
            for (ApiDocument.Parameter p : op.parameters("path")) {
                path = path.replace("{" + p.name() + "}", pathValue(op.path(), p));
            }
            return path;
        }

        private String pathValue(String template, ApiDocument.Parameter p) {
            String where = "path." + p.name();
            if (chance(8)) {
                return edge(where, EdgeValues.PATH_SEGMENTS).text();
            }
            String type = ApiDocument.type(p.schema());
            if ("date".equals(p.schema().path("format").asString())) {
                return encode(chance(75) ? EdgeValues.plausibleDate(random).toString()
                        : edge(where, EdgeValues.PARAM_DATES).text());
            }
            String id = chance(85) ? ids.pick(IdPools.kindOfPathParameter(template, p.name()), random) : null;
            if (id != null) {
                return encode(id);
            }
            if ("integer".equals(type)) {
                return encode(chance(40) ? Integer.toString(1 + random.nextInt(5000))
                        : edge(where, EdgeValues.PARAM_INTEGERS).text());
            }
            return encode(chance(40) ? java.util.UUID.randomUUID().toString() : edge(where, EdgeValues.PARAM_STRINGS).text());
        }

        private String query(ApiDocument.Operation op) {
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            for (ApiDocument.Parameter p : op.parameters("query")) {
                if (chance(p.required() ? 92 : 45)) {
                    query.add(encode(p.name()) + "=" + encode(paramValue(p.name(), p.schema(), "query." + p.name())));
                }
                if (chance(2)) {
                    query.add(encode(p.name()) + "=" + encode(paramValue(p.name(), p.schema(), "query." + p.name())));
                    labels.add("query." + p.name() + "=repeated");
                }
            }
            if (chance(3)) {
                query.add(pick(random, List.of("unknown=1", "scope=all", "page=-1", "size=100000", "sort=id;drop",
                        "orgId[]=1", "%00=%00")));
                labels.add("query=extra");
            }
            return query.toString();
        }

        private String paramValue(String name, JsonNode schema, String where) {
            JsonNode s = document.resolve(schema);
            String type = ApiDocument.type(s);
            if (s.has("enum")) {
                return chance(70) ? pick(random, values(s.get("enum"))) : edge(where, enumEdges(s)).text();
            }
            if ("boolean".equals(type)) {
                return chance(75) ? Boolean.toString(random.nextBoolean())
                        : edge(where, List.of(EdgeValues.v("yes", "bool:yes"), EdgeValues.v("1", "bool:1"),
                        EdgeValues.v("", "bool:empty"), EdgeValues.v("TRUE ", "bool:space"))).text();
            }
            if ("date".equals(s.path("format").asString())) {
                return chance(70) ? EdgeValues.plausibleDate(random).toString() : edge(where, EdgeValues.PARAM_DATES).text();
            }
            if ("integer".equals(type) || "number".equals(type)) {
                if (chance(65)) {
                    String id = IdPools.kindOfField(name) == null ? null : ids.pick(IdPools.kindOfField(name), random);
                    return id != null ? id : Integer.toString(random.nextInt(name.equals("year") ? 2100 : 30));
                }
                return edge(where, EdgeValues.PARAM_INTEGERS).text();
            }
            return chance(55) ? plausibleText(name) : edge(where, EdgeValues.PARAM_STRINGS).text();
        }

        // ---- JSON bodies

        private String jsonValue(JsonNode schema, String where, int depth) {
            JsonNode s = document.resolve(schema);
            String name = where.substring(where.lastIndexOf('.') + 1);
            String type = ApiDocument.type(s);
            if (depth > 4) {
                return "null";
            }
            if (s.has("enum")) {
                return chance(75) ? EdgeValues.json(pick(random, values(s.get("enum")))) : edgeJsonEnum(where, s);
            }
            switch (type) {
                case "integer", "number" -> {
                    if (chance(75)) {
                        String kind = IdPools.kindOfField(name);
                        String id = kind == null ? null : ids.pick(kind, random);
                        return id != null ? id : Integer.toString(name.equals("version") ? random.nextInt(3)
                                : 1 + random.nextInt(name.endsWith("Months") ? 24 : 30));
                    }
                    return edge(where, EdgeValues.JSON_INTEGERS).text();
                }
                case "boolean" -> {
                    return chance(80) ? Boolean.toString(random.nextBoolean()) : edge(where, EdgeValues.JSON_BOOLEANS).text();
                }
                case "array" -> {
                    if (chance(8)) {
                        return chance(30) ? hugeArray(where) : edge(where, EdgeValues.JSON_ANY).text();
                    }
                    StringJoiner items = new StringJoiner(",", "[", "]");
                    int n = random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        items.add(jsonValue(s.path("items"), where, depth + 1));
                    }
                    return items.toString();
                }
                case "object" -> {
                    if (chance(4)) {
                        return edge(where, EdgeValues.JSON_ANY).text();
                    }
                    StringJoiner fields = new StringJoiner(",", "{", "}");
                    JsonNode properties = s.path("properties");
                    for (String property : properties.propertyNames()) {
                        if (chance(88)) {
                            fields.add(EdgeValues.json(property) + ":"
                                    + jsonValue(properties.get(property), where + "." + property, depth + 1));
                        }
                    }
                    if (chance(3)) {
                        fields.add(pick(random, List.of("\"unknown\":1", "\"id\":1", "\"orgPath\":\"/1/\"",
                                "\"__proto__\":{}", "\"@class\":\"java.lang.Runtime\"")));
                        labels.add(where + "=unknown-field");
                    }
                    return fields.toString();
                }
                case "string" -> {
                    String format = s.path("format").asString();
                    if ("date".equals(format) || "date-time".equals(format)) {
                        if (chance(75)) {
                            LocalDate d = EdgeValues.plausibleDate(random);
                            return EdgeValues.json("date".equals(format) ? d.toString() : d + "T08:00:00Z");
                        }
                        return edge(where, EdgeValues.JSON_DATES).text();
                    }
                    return chance(70) ? EdgeValues.json(plausibleText(name)) : edge(where, EdgeValues.JSON_STRINGS).text();
                }
                default -> {
                    return chance(70) ? EdgeValues.json(plausibleText(name)) : edge(where, EdgeValues.JSON_ANY).text();
                }
            }
        }

        private String edgeJsonEnum(String where, JsonNode schema) {
            return edge(where, enumEdges(schema).stream()
                    .map(v -> v.text().matches("-?\\d+|null") ? v : EdgeValues.v(EdgeValues.json(v.text()), v.label()))
                    .toList()).text();
        }

        private List<Value> enumEdges(JsonNode schema) {
            String valid = pick(random, values(schema.get("enum")));
            return List.of(EdgeValues.v(valid.toLowerCase(Locale.ROOT), "enum:lowercase"),
                    EdgeValues.v(" " + valid + " ", "enum:padded"), EdgeValues.v("NO_SUCH_VALUE", "enum:unknown"),
                    EdgeValues.v("", "enum:empty"), EdgeValues.v("0", "enum:number-0"), EdgeValues.v("1", "enum:number-1"),
                    EdgeValues.v("-1", "enum:number--1"), EdgeValues.v(valid + "\u0000", "enum:NUL"),
                    EdgeValues.v("null", "enum:null"));
        }

        private String hugeArray(String where) {
            labels.add(where + "=array:10000");
            StringJoiner items = new StringJoiner(",", "[", "]");
            for (int i = 0; i < 10_000; i++) {
                items.add(Integer.toString(i));
            }
            return items.toString();
        }

        /** Values that pass the obvious checks, so that some requests get past validation and write. */
        private String plausibleText(String field) {
            return switch (field) {
                case "name", "personName", "memberName" -> pick(random, List.of("张伟", "王芳", "李娜", "刘洋", "欧阳明月"));
                case "idNumber" -> idNumber();
                case "phone", "contact" -> "138" + String.format("%08d", random.nextInt(100_000_000));
                case "ethnicity" -> "汉族";
                case "q" -> pick(random, List.of("张", "zs", "王", "党支部", "办公室"));
                case "duesPaidUntil" -> LocalDate.now().minusMonths(random.nextInt(6)).toString().substring(0, 7);
                case "subjectType" -> "admission_case";
                case "direction" -> pick(random, List.of("OUTGOING", "INCOMING"));
                case "username" -> "fuzz" + random.nextInt(1000);
                case "password" -> "wrong" + random.nextInt(1000);
                case "cursor" -> Long.toString(random.nextLong(), 36);
                default -> pick(random, List.of("工作调动", "测试", "本人申请", "市发展改革委办公室", "经支部委员会研究同意"));
            };
        }

        private String idNumber() {
            LocalDate birth = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String first17 = "110101" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * weights[i];
            }
            return first17 + "10X98765432".charAt(sum % 11);
        }

        // ---- requests wrong as a whole

        private byte[] malformed(byte[] body) {
            int kind = random.nextInt(12);
            labels.add("body=malformed-" + kind);
            return switch (kind) {
                case 0 -> Arrays.copyOf(body, body.length / 2);
                case 1 -> "{".getBytes(StandardCharsets.UTF_8);
                case 2 -> "{\"a\":}".getBytes(StandardCharsets.UTF_8);
                case 3 -> "[1,2".getBytes(StandardCharsets.UTF_8);
                case 4 -> "{'orgId':1}".getBytes(StandardCharsets.UTF_8);
                case 5 -> "{\"orgId\":1,}".getBytes(StandardCharsets.UTF_8);
                case 6 -> "/* comment */ {}".getBytes(StandardCharsets.UTF_8);
                case 7 -> "NaN".getBytes(StandardCharsets.UTF_8);
                case 8 -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
                case 9 -> concat("{\"name\":\"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF},
                        "\"}".getBytes(StandardCharsets.UTF_8));
                case 10 -> new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
                default -> randomBytes(200);
            };
        }

        private String wrongContentType(String current) {
            String type = pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data", "application/json;charset=UTF-16", "application/vnd.unknown+json", "*/*",
                    "application/json; boundary=x", "text/html; charset=GB2312", JSON, MULTIPART + "; boundary=zz"));
            if (type.equals(current)) {
                type = null;
            }
            labels.add("content-type=" + type);
            return type;
        }

        private byte[] oversize() {
            int kind = random.nextInt(3);
            labels.add("body=oversize-" + kind);
            return switch (kind) {
                case 0 -> ("{\"name\":\"" + "长".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8);
                case 1 -> {
                    StringJoiner items = new StringJoiner(",", "[", "]");
                    for (int i = 0; i < 200_000; i++) {
                        items.add("1");
                    }
                    yield items.toString().getBytes(StandardCharsets.UTF_8);
                }
                default -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            };
        }

        // ---- uploads

        private record Multipart(String contentType, byte[] body) {
        }

        private Multipart multipart(JsonNode schema) {
            String boundary = "fuzz" + Long.toHexString(random.nextLong());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonNode properties = document.resolve(schema).path("properties");
            for (String name : properties.propertyNames()) {
                JsonNode property = document.resolve(properties.get(name));
                if (!chance(90)) {
                    continue;
                }
                if ("binary".equals(property.path("format").asString())) {
                    String filename = chance(75) ? pick(random, List.of("党员.xlsx", "a.xlsx", "材料.pdf", "scan.png", "x.docx"))
                            : edge("part." + name + ".filename", List.of(EdgeValues.v("", "filename:empty"),
                            EdgeValues.v("../../../x.xlsx", "filename:path"), EdgeValues.v("\u202Exslx.exe", "filename:bidi"),
                            EdgeValues.v("a\";x=\"y.xlsx", "filename:quote"), EdgeValues.v("x".repeat(2000) + ".pdf", "filename:long"),
                            EdgeValues.v("a\u0000.pdf", "filename:NUL"), EdgeValues.v("无扩展名", "filename:no-extension"))).text();
                    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + filename + "\"\r\nContent-Type: " + pick(random, List.of("application/octet-stream",
                            "application/pdf", "image/png", "text/plain")) + "\r\n\r\n");
                    out.writeBytes(fileContent("part." + name));
                    write(out, "\r\n");
                } else {
                    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                            + paramValue(name, property, "part." + name) + "\r\n");
                }
            }
            if (chance(95)) {
                write(out, "--" + boundary + "--\r\n");
            } else {
                labels.add("multipart=unterminated");
            }
            String contentType = MULTIPART + "; boundary=" + boundary;
            if (chance(4)) {
                contentType = MULTIPART + "; boundary=" + boundary + "x";
                labels.add("multipart=wrong-boundary");
            }
            return new Multipart(contentType, out.toByteArray());
        }

        /** A file larger than any upload limit the application may set (50 MB today). */
        private Multipart overLimitUpload() {
            labels.add("body=upload-51MB");
            String boundary = "fuzzbig";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return new Multipart(MULTIPART + "; boundary=" + boundary, concat(head, new byte[51 << 20], tail));
        }

        private byte[] fileContent(String where) {
            if (chance(30)) {
                return sampleUpload;
            }
            int kind = random.nextInt(9);
            labels.add(where + "=file-" + kind);
            return switch (kind) {
                case 0 -> new byte[0];
                case 1 -> Arrays.copyOf(sampleUpload, sampleUpload.length / 2);
                case 2 -> {
                    byte[] flipped = sampleUpload.clone();
                    for (int i = 0; i < 20 && flipped.length > 0; i++) {
                        flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    yield flipped;
                }
                case 3 -> "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
                case 4 -> concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(100));
                case 5 -> concat(new byte[]{'P', 'K', 3, 4}, randomBytes(500));
                case 6 -> "姓名,身份证号\n张三,110101199001011237\n".getBytes(StandardCharsets.UTF_8);
                case 7 -> randomBytes(2_000_000);
                default -> randomBytes(1000);
            };
        }

        private byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i += 8) {
                long r = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    bytes[i + j] = (byte) (r >>> (8 * j));
                }
            }
            return bytes;
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
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

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
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
