package cn.zhibu.fuzz;

import cn.zhibu.fuzz.EdgeValues.Value;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Values for one field or parameter by its schema and name: mostly plausible (an id of a real record, a valid enum,
 * a recent date, a well-formed 身份证号, so that some requests pass validation and write), otherwise an edge of its
 * kind. Parameter values are raw text; {@link JsonBodies} writes the JSON ones.
 */
final class ParameterValues {

    private final ApiDocument document;
    private final IdPools ids;

    ParameterValues(ApiDocument document, IdPools ids) {
        this.document = document;
        this.ids = ids;
    }

    /** A query parameter's or a multipart field's text. */
    String text(Choices c, String name, JsonNode schema, String where) {
        JsonNode s = document.resolve(schema);
        String type = ApiDocument.type(s);
        if (s.has("enum")) {
            return c.chance(70) ? c.pick(enumValues(s)) : c.edge(where, enumEdges(c, s)).text();
        }
        if ("boolean".equals(type)) {
            return c.chance(75) ? Boolean.toString(c.random().nextBoolean())
                    : c.edge(where, List.of(EdgeValues.v("yes", "bool:yes"), EdgeValues.v("1", "bool:1"),
                    EdgeValues.v("", "bool:empty"), EdgeValues.v("TRUE ", "bool:space"))).text();
        }
        if ("date".equals(s.path("format").asString())) {
            return c.chance(70) ? plausibleDate(c).toString() : c.edge(where, EdgeValues.PARAM_DATES).text();
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return c.chance(65) ? plausibleNumber(c, name) : c.edge(where, EdgeValues.PARAM_INTEGERS).text();
        }
        return c.chance(55) ? plausibleText(c, name) : c.edge(where, EdgeValues.PARAM_STRINGS).text();
    }

    /** An id of a real record when the name says which kind ("orgId"), else a small number. */
    String plausibleNumber(Choices c, String name) {
        String kind = IdPools.kindOfField(name);
        String id = kind == null ? null : ids.pick(kind, c.random());
        if (id != null) {
            return id;
        }
        return Integer.toString(switch (name) {
            case "version" -> c.below(3);
            case "year" -> 2000 + c.below(40);
            default -> 1 + c.below(name.endsWith("Months") ? 24 : 30);
        });
    }

    /** Text that passes the obvious checks of a field with this name. */
    String plausibleText(Choices c, String field) {
        return switch (field) {
            case "name", "personName", "memberName" -> c.pick(List.of("张伟", "王芳", "李娜", "刘洋", "欧阳明月"));
            case "idNumber" -> idNumber(c);
            case "phone", "contact" -> "138" + String.format("%08d", c.below(100_000_000));
            case "ethnicity" -> "汉族";
            case "q" -> c.pick(List.of("张", "zs", "王", "党支部", "办公室"));
            case "duesPaidUntil" -> LocalDate.now().minusMonths(c.below(6)).toString().substring(0, 7);
            case "subjectType" -> "admission_case";
            case "direction" -> c.pick(List.of("OUTGOING", "INCOMING"));
            case "username" -> "fuzz" + c.below(1000); // never a real account: five wrong passwords would lock it
            case "password" -> "wrong" + c.below(1000);
            case "cursor" -> Long.toString(c.random().nextLong(), 36);
            default -> c.pick(List.of("工作调动", "测试", "本人申请", "市发展改革委办公室", "经支部委员会研究同意"));
        };
    }

    static LocalDate plausibleDate(Choices c) {
        return LocalDate.now().minusDays(c.below(365 * 60));
    }

    /** A 身份证号 with a valid check character (GB 11643), born 1960–2004. */
    static String idNumber(Choices c) {
        LocalDate birth = LocalDate.of(1960 + c.below(45), 1 + c.below(12), 1 + c.below(28));
        String first17 = "110101" + birth.toString().replace("-", "") + String.format("%03d", c.below(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Wrong values for an enum: another case, padded, unknown, numbers (an ordinal), empty, NUL, null. */
    static List<Value> enumEdges(Choices c, JsonNode schema) {
        String valid = c.pick(enumValues(schema));
        return List.of(EdgeValues.v(valid.toLowerCase(Locale.ROOT), "enum:lowercase"),
                EdgeValues.v(" " + valid + " ", "enum:padded"), EdgeValues.v("NO_SUCH_VALUE", "enum:unknown"),
                EdgeValues.v("", "enum:empty"), EdgeValues.v("0", "enum:number-0"), EdgeValues.v("1", "enum:number-1"),
                EdgeValues.v("-1", "enum:number--1"), EdgeValues.v(valid + "\u0000", "enum:NUL"),
                EdgeValues.v("null", "enum:null"));
    }

    static List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.get("enum").forEach(v -> values.add(v.asString()));
        return values;
    }
}
