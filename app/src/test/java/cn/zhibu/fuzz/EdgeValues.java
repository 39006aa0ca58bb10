package cn.zhibu.fuzz;

import java.util.List;

/**
 * The bad and edge values the fuzzer tries, by kind of field. JSON values are JSON text (so a value can be a float
 * where an integer belongs, an escaped lone surrogate, or an overflowing number); parameter values are the raw text
 * before URL encoding. Each carries a short label, printed with a failure so the input kind is named.
 */
final class EdgeValues {

    /** A value and the label of its kind (e.g. "int:2^53", "string:NUL"). */
    record Value(String text, String label) {
    }

    private EdgeValues() {
    }

    static final String LONG_10K = "长".repeat(5_000) + "x".repeat(5_000);

    static final List<Value> JSON_INTEGERS = List.of(
            v("0", "int:0"), v("-1", "int:-1"), v("2147483647", "int:max"), v("-2147483648", "int:min"),
            v("2147483648", "int:max+1"), v("9007199254740992", "int:2^53"), v("9223372036854775807", "int:long-max"),
            v("9223372036854775808", "int:long-max+1"), v("-9223372036854775809", "int:long-min-1"),
            v("123456789012345678901234567890", "int:huge"), v("1.5", "int:1.5"), v("1.0", "int:1.0"),
            v("1e3", "int:1e3"), v("1E400", "int:1E400"), v("-0", "int:-0"), v("\"1\"", "int:\"1\""),
            v("\"\"", "int:\"\""), v("\"abc\"", "int:\"abc\""), v("null", "int:null"), v("true", "int:true"),
            v("[]", "int:[]"), v("{}", "int:{}"));

    static final List<Value> JSON_STRINGS = List.of(
            v("\"\"", "string:empty"), v("\"   \"", "string:blank"), v(json(LONG_10K), "string:10k"),
            v("\"\\u0000\"", "string:NUL"), v("\"a\\u0000b\"", "string:NUL-inside"),
            v("\"\\u0001\\u0007\\u001b[31m\\u007f\"", "string:control"), v("\"a\\r\\nb\"", "string:CRLF"),
            v("\"\\n\"", "string:LF"), v("\"\\t\\t\"", "string:tab"), v("\"\\u202Eevil\\u202C\"", "string:bidi-RLO"),
            v("\"\\u200B\\u200D\\uFEFF\"", "string:zero-width"), v("\"😀👨‍👩‍👧‍👦\"", "string:emoji"),
            v("\"\\ud800\"", "string:lone-high-surrogate"), v("\"x\\udc00y\"", "string:lone-low-surrogate"),
            v("\"\\udbff\\ud800\"", "string:reversed-surrogates"), v("\"'; drop table member; --\"", "string:sql"),
            v("\"' or '1'='1\"", "string:sql-or"), v("\"%_\\\\\"", "string:like-meta"),
            v("\"<script>alert(1)</script>\"", "string:html"), v("\"<img src=x onerror=alert(1)>\"", "string:html-attr"),
            v("\"${jndi:ldap://x/a}\"", "string:jndi"), v("\"{{7*7}}[[${7*7}]]\"", "string:template"),
            v("\"../../../../etc/passwd\"", "string:path"), v("\"\\\"\\\\/\"", "string:escapes"),
            v("\"张三\"", "string:chinese"), v("\"ｔｅｓｔ　全角\"", "string:fullwidth"), v("123", "string:number"),
            v("true", "string:true"), v("null", "string:null"), v("[]", "string:[]"), v("{}", "string:{}"),
            v("\"=cmd|' /C calc'!A0\"", "string:formula"));

    static final List<Value> JSON_DATES = List.of(
            v("\"1899-12-31\"", "date:1899-12-31"), v("\"1900-01-01\"", "date:1900-01-01"),
            v("\"0000-01-01\"", "date:0000-01-01"), v("\"+999999999-12-31\"", "date:max"),
            v("\"-999999999-01-01\"", "date:min"), v("\"2026-02-30\"", "date:2026-02-30"),
            v("\"2026-13-01\"", "date:month-13"), v("\"2026-00-10\"", "date:month-0"), v("\"9999-12-31\"", "date:9999"),
            v("\"2100-01-01\"", "date:2100"), v("\"\"", "date:empty"), v("\"2024-1-1\"", "date:short"),
            v("\"2024/01/01\"", "date:slashes"), v("\"2024-01-01T00:00:00Z\"", "date:instant"),
            v("\"today\"", "date:word"), v("20240101", "date:number"), v("null", "date:null"),
            v("\"2023-02-29\"", "date:not-leap"), v("\"2024-02-29\"", "date:leap"), v("[2024,1,1]", "date:array"),
            v("\"\\u0000\"", "date:NUL"));

    static final List<Value> JSON_BOOLEANS = List.of(
            v("true", "bool:true"), v("false", "bool:false"), v("\"true\"", "bool:\"true\""), v("\"yes\"", "bool:yes"),
            v("1", "bool:1"), v("0", "bool:0"), v("null", "bool:null"), v("\"\"", "bool:empty"), v("[]", "bool:[]"));

    static final List<Value> JSON_ANY = List.of(
            v("null", "any:null"), v("{}", "any:{}"), v("[]", "any:[]"), v("\"x\"", "any:string"), v("0", "any:0"),
            v("[null]", "any:[null]"), v("{\"\":null}", "any:empty-key"));

    /** Parameter values (query and path) before URL encoding. */
    static final List<Value> PARAM_INTEGERS = List.of(
            v("0", "int:0"), v("-1", "int:-1"), v("2147483647", "int:max"), v("2147483648", "int:max+1"),
            v("-2147483649", "int:min-1"), v("9007199254740992", "int:2^53"), v("9223372036854775807", "int:long-max"),
            v("9223372036854775808", "int:long-max+1"), v("1".repeat(400), "int:400-digits"), v("1.5", "int:1.5"),
            v("1e3", "int:1e3"), v("", "int:empty"), v("abc", "int:abc"), v(" 1", "int:space"), v("0x10", "int:hex"),
            v("-0", "int:-0"), v("１", "int:fullwidth"), v("null", "int:null"), v("NaN", "int:NaN"));

    static final List<Value> PARAM_STRINGS = List.of(
            v("", "string:empty"), v(" ", "string:blank"), v(LONG_10K, "string:10k"), v("\u0000", "string:NUL"),
            v("a\u0001\u001b\u007f", "string:control"), v("a\r\nb", "string:CRLF"), v("\u202Eevil", "string:bidi-RLO"),
            v("😀👨‍👩‍👧‍👦", "string:emoji"), v("'; drop table member; --", "string:sql"), v("%_\\", "string:like-meta"),
            v("<script>alert(1)</script>", "string:html"), v("../../etc/passwd", "string:path"), v("张", "string:chinese"),
            v("zs", "string:initials"), v("110101199001011234", "string:id-number"), v("*", "string:star"),
            v("\u00ff\u00fe", "string:latin1"));

    static final List<Value> PARAM_DATES = List.of(
            v("1899-12-31", "date:1899-12-31"), v("0000-01-01", "date:0000-01-01"), v("+999999999-12-31", "date:max"),
            v("-999999999-01-01", "date:min"), v("2026-02-30", "date:2026-02-30"), v("2026-13-01", "date:month-13"),
            v("9999-12-31", "date:9999"), v("", "date:empty"), v("2024-1-1", "date:short"), v("today", "date:word"),
            v("2024-01-01T00:00:00Z", "date:instant"), v("99999-01-01", "date:5-digit-year"));

    /** Path segments that are not ids at all. */
    static final List<Value> PATH_SEGMENTS = List.of(
            v("%00", "path:NUL"), v("%20", "path:space"), v("..", "path:dotdot"), v("%2e%2e", "path:encoded-dotdot"),
            v("%2F", "path:encoded-slash"), v("%5C", "path:backslash"), v("%F0%9F%98%80", "path:emoji"),
            v("%C0%AE", "path:overlong-utf8"), v("%FF%FE", "path:invalid-utf8"), v("1;jsessionid=x", "path:matrix"),
            v("1%3B", "path:semicolon"), v("1.json", "path:suffix"), v("9".repeat(5000), "path:5000-digits"));

    static Value v(String text, String label) {
        return new Value(text, label);
    }

    /** A JSON string literal with everything escaped that JSON requires. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
