package cn.zhibu.identity;

import cn.zhibu.fuzz.ApiDocument;
import cn.zhibu.support.IntegrationTest;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what client writers believe: it is compared with the controller mappings the server
 * actually has. Every {@code /api/**} mapping is documented with its method and path; no parameter is documented
 * that the handler does not bind (the {@code DataScope} is the server's, not the client's); each schema name stands
 * for one Java type and its properties are the type's; uploads are multipart with a binary {@code file} part.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIntegrationTest {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @LocalServerPort int port;

    ApiDocument document;
    /** Each (method, path) the server maps under /api/, with its handler. */
    Map<String, HandlerMethod> handlers;

    /** An operation in the server's terms. */
    record Mapped(String method, String path, HandlerMethod handler) {
        String key() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void readBoth() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("/v3/api-docs").isEqualTo(200);
        document = ApiDocument.parse(r.body());
        handlers = new TreeMap<>();
        for (Mapped m : mapped()) {
            handlers.put(m.key(), m.handler());
        }
    }

    private List<Mapped> mapped() {
        List<Mapped> result = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String path : e.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    result.add(new Mapped(method.name(), path, e.getValue()));
                }
            }
        }
        return result;
    }

    private HandlerMethod handler(ApiDocument.Operation op) {
        return handlers.get(op.key());
    }

    @Test
    void every_api_mapping_is_documented_with_its_method_and_path_and_nothing_else_is() {
        Set<String> documented = document.operations().stream().map(ApiDocument.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("operations in /v3/api-docs").containsExactlyInAnyOrderElementsOf(handlers.keySet());
        assertThat(documented).contains("GET /api/v1/transfers/{id}/letter.pdf");
    }

    @Test
    void no_operation_documents_a_parameter_its_handler_does_not_bind() {
        List<String> problems = new ArrayList<>();
        for (ApiDocument.Operation op : document.operations()) {
            HandlerMethod handler = handler(op);
            if (handler == null) {
                continue; // reported by the test above
            }
            Set<String> bound = bound(handler);
            for (ApiDocument.Parameter p : op.parameters()) {
                if (!bound.contains(p.in() + ":" + p.name())) {
                    problems.add(op + " documents " + p.in() + " parameter '" + p.name() + "' that "
                            + handler.getShortLogMessage() + " does not bind");
                }
            }
            // and the other way round: a parameter the handler reads is documented (multipart fields may be parts)
            Set<String> documented = op.parameters().stream().map(p -> p.in() + ":" + p.name())
                    .collect(Collectors.toSet());
            multipartSchema(op).ifPresent(s -> s.path("properties").propertyNames()
                    .forEach(name -> documented.add("query:" + name)));
            for (String b : bound(handler)) {
                if (!documented.contains(b)) {
                    problems.add(op + " does not document " + b + " that " + handler.getShortLogMessage() + " binds");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_callers_data_scope_is_nowhere_in_the_document() {
        assertThat(document.schemas().keySet()).doesNotContain("DataScope");
        assertThat(document.operations()).allSatisfy(op -> assertThat(op.parameters())
                .as(op.key()).noneMatch(p -> p.name().equals("scope")));
        assertThat(document.root().toString()).doesNotContain("DataScope");
    }

    @Test
    void every_operation_but_the_login_and_the_password_change_asks_for_the_bearer_token() {
        assertThat(document.root().path("security").toString()).contains("bearer");
        for (String path : new String[]{"/paths/~1api~1v1~1auth~1token/post", "/paths/~1api~1v1~1auth~1password/post"}) {
            JsonNode open = document.root().at(path);
            assertThat(open.has("security")).as(path + " declares its own security").isTrue();
            assertThat(open.get("security").isEmpty()).as(path + " needs no token").isTrue();
        }
        assertThat(document.root().path("paths").toString().split("\"security\"", -1)).as("operations overriding the default")
                .hasSize(3);
    }

    @Test
    void each_schema_name_stands_for_one_java_type() {
        Map<String, Set<String>> typesByName = new TreeMap<>();
        Set<Class<?>> types = new LinkedHashSet<>();
        for (HandlerMethod handler : handlers.values()) {
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    reachable(p.getGenericParameterType(), types);
                }
            }
            reachable(handler.getMethod().getGenericReturnType(), types);
        }
        for (Class<?> type : types) {
            String name = schemaName(type);
            if (name != null) {
                typesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.getName());
            }
        }
        assertThat(typesByName).as("schema name → Java types").isNotEmpty()
                .allSatisfy((name, javaTypes) -> assertThat(javaTypes).as(name).hasSize(1));
    }

    @Test
    void each_documented_json_body_has_the_properties_of_the_handlers_body_type() {
        List<String> problems = new ArrayList<>();
        for (ApiDocument.Operation op : document.operations()) {
            HandlerMethod handler = handler(op);
            if (handler == null || op.body() == null) {
                continue;
            }
            Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class) && p.getParameterType().isRecord())
                    .findFirst().ifPresent(p -> {
                        JsonNode schema = document.resolve(op.body().content().get(MediaType.APPLICATION_JSON_VALUE));
                        Set<String> documented = new TreeSet<>();
                        schema.path("properties").propertyNames().forEach(documented::add);
                        Set<String> actual = Arrays.stream(p.getParameterType().getRecordComponents())
                                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
                        if (!documented.equals(actual)) {
                            problems.add(op + ": documented " + documented + ", " + p.getParameterType().getName()
                                    + " reads " + actual);
                        }
                    });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void uploads_are_documented_as_multipart_with_a_binary_file_part() {
        List<ApiDocument.Operation> uploads = document.operations().stream()
                .filter(op -> handler(op) != null && Arrays.stream(handler(op).getMethodParameters())
                        .anyMatch(p -> p.getParameterType() == MultipartFile.class))
                .toList();
        assertThat(uploads).extracting(ApiDocument.Operation::key)
                .contains("POST /api/v1/member-imports", "POST /api/v1/admission/cases/{id}/documents");
        for (ApiDocument.Operation op : uploads) {
            assertThat(op.body()).as(op.key()).isNotNull();
            assertThat(op.body().content()).as(op.key()).containsOnlyKeys(MediaType.MULTIPART_FORM_DATA_VALUE);
            JsonNode file = multipartSchema(op).orElseThrow().path("properties").path("file");
            assertThat(ApiDocument.type(file)).as(op.key() + " file").isEqualTo("string");
            assertThat(file.path("format").asString()).as(op.key() + " file").isEqualTo("binary");
        }
    }

    private java.util.Optional<JsonNode> multipartSchema(ApiDocument.Operation op) {
        if (op.body() == null || !op.body().content().containsKey(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(document.resolve(op.body().content().get(MediaType.MULTIPART_FORM_DATA_VALUE)));
    }

    /** What a handler binds from the request line and headers, as "in:name"; uploads are body parts, not these. */
    private static Set<String> bound(HandlerMethod handler) {
        Set<String> result = new HashSet<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(NAMES);
            PathVariable path = p.getParameterAnnotation(PathVariable.class);
            RequestParam query = p.getParameterAnnotation(RequestParam.class);
            RequestHeader header = p.getParameterAnnotation(RequestHeader.class);
            if (path != null) {
                result.add("path:" + name(path.name(), p));
            } else if (query != null && p.getParameterType() != MultipartFile.class) {
                result.add("query:" + name(query.name(), p));
            } else if (header != null) {
                result.add("header:" + name(header.name(), p));
            }
        }
        return result;
    }

    private static String name(String declared, MethodParameter p) {
        return declared.isEmpty() ? p.getParameterName() : declared;
    }

    /** The Java types a client sees in bodies, following record components, getters and type arguments. */
    private static void reachable(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType pt) {
            reachable(pt.getRawType(), seen);
            Arrays.stream(pt.getActualTypeArguments()).forEach(t -> reachable(t, seen));
        } else if (type instanceof GenericArrayType at) {
            reachable(at.getGenericComponentType(), seen);
        } else if (type instanceof WildcardType wt) {
            Arrays.stream(wt.getUpperBounds()).forEach(t -> reachable(t, seen));
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                reachable(c.getComponentType(), seen);
            } else if (c.getName().startsWith("cn.zhibu.") && seen.add(c)) {
                if (c.isRecord()) {
                    Arrays.stream(c.getRecordComponents()).forEach(rc -> reachable(rc.getGenericType(), seen));
                } else if (!c.isEnum()) {
                    for (Method m : c.getMethods()) {
                        if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                                && m.getDeclaringClass() != Object.class) {
                            reachable(m.getGenericReturnType(), seen);
                        }
                    }
                }
            }
        }
    }

    /** The component name swagger-core gives a type in this application, or null if it is written inline. */
    private static String schemaName(Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance(true)
                .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved == null || resolved.schema == null || resolved.schema.get$ref() == null) {
            return null;
        }
        String ref = resolved.schema.get$ref();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
