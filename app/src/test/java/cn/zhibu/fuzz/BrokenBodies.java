package cn.zhibu.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/** Bodies wrong as a whole: malformed JSON, a wrong content type, an oversize or deeply nested document. */
final class BrokenBodies {

    private BrokenBodies() {
    }

    static byte[] malformed(Choices c, byte[] body) {
        String kind = c.pick(List.of("truncated", "open-brace", "missing-value", "open-array", "single-quotes",
                "trailing-comma", "comment", "NaN", "BOM", "invalid-UTF-8", "UTF-16", "random-bytes"));
        c.label("body=json:" + kind);
        return switch (kind) {
            case "truncated" -> Arrays.copyOf(body, body.length / 2);
            case "open-brace" -> utf8("{");
            case "missing-value" -> utf8("{\"a\":}");
            case "open-array" -> utf8("[1,2");
            case "single-quotes" -> utf8("{'orgId':1}");
            case "trailing-comma" -> utf8("{\"orgId\":1,}");
            case "comment" -> utf8("/* comment */ {}");
            case "NaN" -> utf8("NaN");
            case "BOM" -> Uploads.concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case "invalid-UTF-8" -> Uploads.concat(utf8("{\"name\":\""), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF},
                    utf8("\"}"));
            case "UTF-16" -> new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
            default -> c.bytes(200);
        };
    }

    /** Another content type than the one declared (null: none at all). */
    static String wrongContentType(Choices c, String current) {
        String type = c.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "application/json;charset=UTF-16", "application/vnd.unknown+json", "*/*",
                "application/json; boundary=x", "text/html; charset=GB2312", "application/json",
                "multipart/form-data; boundary=zz"));
        if (type.equals(current)) {
            type = null;
        }
        c.label("content-type=" + type);
        return type;
    }

    static byte[] oversize(Choices c) {
        String kind = c.pick(List.of("2MB-string", "200k-array", "nested-5000"));
        c.label("body=oversize:" + kind);
        return switch (kind) {
            case "2MB-string" -> utf8("{\"name\":\"" + "长".repeat(700_000) + "\"}");
            case "200k-array" -> {
                StringJoiner items = new StringJoiner(",", "[", "]");
                for (int i = 0; i < 200_000; i++) {
                    items.add("1");
                }
                yield utf8(items.toString());
            }
            default -> utf8("[".repeat(5_000) + "]".repeat(5_000));
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
