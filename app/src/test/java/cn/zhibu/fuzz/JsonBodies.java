package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/**
 * JSON request bodies from their schemas, written as text so that a value can be what no JSON library would write
 * for the type: a float for an id, an overflowing number, an escaped lone surrogate, a number for an enum.
 */
final class JsonBodies {

    private static final int MAX_DEPTH = 4;

    private final ApiDocument document;
    private final ParameterValues values;

    JsonBodies(ApiDocument document, ParameterValues values) {
        this.document = document;
        this.values = values;
    }

    String body(Choices c, JsonNode schema) {
        return value(c, schema, "body", 0);
    }

    private String value(Choices c, JsonNode schema, String where, int depth) {
        if (depth > MAX_DEPTH) {
            return "null";
        }
        JsonNode s = document.resolve(schema);
        String name = where.substring(where.lastIndexOf('.') + 1);
        if (s.has("enum")) {
            return c.chance(75) ? EdgeValues.json(c.pick(ParameterValues.enumValues(s))) : enumEdge(c, where, s);
        }
        return switch (ApiDocument.type(s)) {
            case "integer", "number" -> c.chance(75) ? values.plausibleNumber(c, name)
                    : c.edge(where, EdgeValues.JSON_INTEGERS).text();
            case "boolean" -> c.chance(80) ? Boolean.toString(c.random().nextBoolean())
                    : c.edge(where, EdgeValues.JSON_BOOLEANS).text();
            case "array" -> array(c, s, where, depth);
            case "object" -> object(c, s, where, depth);
            case "string" -> string(c, s, where, name);
            default -> c.chance(70) ? EdgeValues.json(values.plausibleText(c, name))
                    : c.edge(where, EdgeValues.JSON_ANY).text();
        };
    }

    private String string(Choices c, JsonNode s, String where, String name) {
        String format = s.path("format").asString();
        if ("date".equals(format) || "date-time".equals(format)) {
            if (c.chance(75)) {
                LocalDate d = ParameterValues.plausibleDate(c);
                return EdgeValues.json("date".equals(format) ? d.toString() : d + "T08:00:00Z");
            }
            return c.edge(where, EdgeValues.JSON_DATES).text();
        }
        return c.chance(70) ? EdgeValues.json(values.plausibleText(c, name)) : c.edge(where, EdgeValues.JSON_STRINGS).text();
    }

    private String array(Choices c, JsonNode s, String where, int depth) {
        if (c.chance(8)) {
            return c.chance(30) ? hugeArray(c, where) : c.edge(where, EdgeValues.JSON_ANY).text();
        }
        StringJoiner items = new StringJoiner(",", "[", "]");
        int n = c.below(4);
        for (int i = 0; i < n; i++) {
            items.add(value(c, s.path("items"), where, depth + 1));
        }
        return items.toString();
    }

    private String object(Choices c, JsonNode s, String where, int depth) {
        if (c.chance(4)) {
            return c.edge(where, EdgeValues.JSON_ANY).text();
        }
        StringJoiner fields = new StringJoiner(",", "{", "}");
        JsonNode properties = s.path("properties");
        for (String property : properties.propertyNames()) {
            if (c.chance(88)) {
                fields.add(EdgeValues.json(property) + ":" + value(c, properties.get(property), where + "." + property,
                        depth + 1));
            }
        }
        if (c.chance(3)) {
            fields.add(c.pick(List.of("\"unknown\":1", "\"id\":1", "\"orgPath\":\"/1/\"", "\"__proto__\":{}",
                    "\"@class\":\"java.lang.Runtime\"")));
            c.label(where + "=unknown-field");
        }
        return fields.toString();
    }

    /** Enum edges as JSON: numbers as numbers (an ordinal), the rest as strings. */
    private static String enumEdge(Choices c, String where, JsonNode schema) {
        return c.edge(where, ParameterValues.enumEdges(c, schema).stream()
                .map(v -> v.text().matches("-?\\d+|null") ? v : EdgeValues.v(EdgeValues.json(v.text()), v.label()))
                .toList()).text();
    }

    private static String hugeArray(Choices c, String where) {
        c.label(where + "=array:10000");
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 10_000; i++) {
            items.add(Integer.toString(i));
        }
        return items.toString();
    }
}
