package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Multipart bodies for upload operations: the documented parts, with a file that is valid (a sample such as the
 * import template), damaged, of another kind than its name says, or empty; odd file names; an unterminated body or
 * a wrong boundary; now and then a file larger than any upload limit.
 */
final class Uploads {

    static final String MULTIPART = "multipart/form-data";

    record Multipart(String contentType, byte[] body) {
    }

    private final ApiDocument document;
    private final ParameterValues values;
    private final byte[] sample;

    Uploads(ApiDocument document, ParameterValues values, byte[] sample) {
        this.document = document;
        this.values = values;
        this.sample = sample == null ? new byte[0] : sample;
    }

    Multipart body(Choices c, JsonNode schema) {
        if (c.chance(1)) {
            return overLimit(c);
        }
        String boundary = "fuzz" + Long.toHexString(c.random().nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonNode properties = document.resolve(schema).path("properties");
        for (String name : properties.propertyNames()) {
            JsonNode property = document.resolve(properties.get(name));
            if (!c.chance(90)) {
                continue;
            }
            if ("binary".equals(property.path("format").asString())) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + fileName(c, "part." + name) + "\"\r\nContent-Type: " + c.pick(List.of("application/octet-stream",
                        "application/pdf", "image/png", "text/plain")) + "\r\n\r\n");
                out.writeBytes(file(c, "part." + name));
                write(out, "\r\n");
            } else {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                        + values.text(c, name, property, "part." + name) + "\r\n");
            }
        }
        if (c.chance(95)) {
            write(out, "--" + boundary + "--\r\n");
        } else {
            c.label("multipart=unterminated");
        }
        if (c.chance(4)) {
            c.label("multipart=wrong-boundary");
            boundary += "x";
        }
        return new Multipart(MULTIPART + "; boundary=" + boundary, out.toByteArray());
    }

    private static String fileName(Choices c, String where) {
        if (c.chance(75)) {
            return c.pick(List.of("党员.xlsx", "a.xlsx", "材料.pdf", "scan.png", "x.docx"));
        }
        return c.edge(where + ".filename", List.of(EdgeValues.v("", "filename:empty"),
                EdgeValues.v("../../../x.xlsx", "filename:path"), EdgeValues.v("\u202Exslx.exe", "filename:bidi"),
                EdgeValues.v("a\";x=\"y.xlsx", "filename:quote"), EdgeValues.v("x".repeat(2000) + ".pdf", "filename:long"),
                EdgeValues.v("a\u0000.pdf", "filename:NUL"), EdgeValues.v("无扩展名", "filename:no-extension"))).text();
    }

    private byte[] file(Choices c, String where) {
        if (c.chance(30)) {
            return sample;
        }
        String kind = c.pick(List.of("empty", "truncated-sample", "bit-flipped-sample", "pdf", "png", "zip-garbage",
                "csv", "random-2MB", "random-1KB"));
        c.label(where + "=file:" + kind);
        return switch (kind) {
            case "empty" -> new byte[0];
            case "truncated-sample" -> Arrays.copyOf(sample, sample.length / 2);
            case "bit-flipped-sample" -> {
                byte[] flipped = sample.clone();
                for (int i = 0; i < 20 && flipped.length > 0; i++) {
                    flipped[c.below(flipped.length)] ^= (byte) (1 << c.below(8));
                }
                yield flipped;
            }
            case "pdf" -> "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
            case "png" -> concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, c.bytes(100));
            case "zip-garbage" -> concat(new byte[]{'P', 'K', 3, 4}, c.bytes(500));
            case "csv" -> "姓名,身份证号\n张三,110101199001011237\n".getBytes(StandardCharsets.UTF_8);
            case "random-2MB" -> c.bytes(2_000_000);
            default -> c.bytes(1000);
        };
    }

    /** A file larger than any upload limit the application may set (50 MB today). */
    private static Multipart overLimit(Choices c) {
        c.label("body=upload-51MB");
        String boundary = "fuzzbig";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return new Multipart(MULTIPART + "; boundary=" + boundary, concat(head, new byte[51 << 20], tail));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
