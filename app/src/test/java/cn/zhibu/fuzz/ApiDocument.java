package cn.zhibu.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenAPI 3 document read as plain JSON: its operations with their parameters and request bodies, and the
 * component schemas with {@code $ref}s resolved. Just what the contract test and the fuzzer need; no OpenAPI library.
 */
public final class ApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A parameter: {@code in} is path, query, header or cookie. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** A request body: each media type with its (resolved) schema. */
    public record Body(boolean required, Map<String, JsonNode> content) {
    }

    public record Operation(String method, String path, List<Parameter> parameters, Body body) {

        public String key() {
            return method + " " + path;
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private final JsonNode root;
    private final List<Operation> operations;

    private ApiDocument(JsonNode root) {
        this.root = root;
        this.operations = readOperations();
    }

    public static ApiDocument parse(String json) {
        return new ApiDocument(JSON.readTree(json));
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    public Map<String, JsonNode> schemas() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        JsonNode node = root.path("components").path("schemas");
        for (String name : node.propertyNames()) {
            schemas.put(name, node.get(name));
        }
        return schemas;
    }

    /** The schema itself, or the component it refers to (followed until it is not a reference). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            current = root.at(current.get("$ref").asString().substring(1));
        }
        return current == null || current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    /** The name of the component a schema refers to, or null for an inline schema. */
    public static String refName(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return null;
        }
        String ref = schema.get("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * The schema's type, whether written {@code "type": "integer"} (3.0) or {@code "type": ["integer", "null"]} (3.1);
     * "object" for a schema with properties and no type, "" when unknown.
     */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isString()) {
            return type.asString();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        return schema.has("properties") ? "object" : "";
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        JsonNode paths = root.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode param = resolve(p);
                        parameters.add(new Parameter(param.path("name").asString(), param.path("in").asString(),
                                param.path("required").asBoolean(false), resolve(param.path("schema"))));
                    }
                }
                result.add(new Operation(method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters),
                        body(op.get("requestBody"))));
            }
        }
        return List.copyOf(result);
    }

    private Body body(JsonNode requestBody) {
        if (requestBody == null) {
            return null;
        }
        JsonNode resolved = resolve(requestBody);
        Map<String, JsonNode> content = new LinkedHashMap<>();
        JsonNode node = resolved.path("content");
        for (String mediaType : node.propertyNames()) {
            content.put(mediaType, node.get(mediaType).path("schema"));
        }
        return new Body(resolved.path("required").asBoolean(false), content);
    }
}
