package cn.zhibu.platform.web;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error an API client can get is an RFC 9457 problem document ({@code application/problem+json}: type, a
 * Chinese title, status, the Chinese detail, errors by field), whatever it accepts and wherever the error happens: in
 * a controller, in Spring MVC before one is chosen, in Spring Security, at the upload limit, at the container's error
 * dispatch. Never HTML, never a stack trace. Before, these were Spring Boot's JSON ({@code timestamp}, {@code error})
 * or HTML, or ad-hoc {@code message} bodies.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiProblemIntegrationTest {

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    ApiClient admin;
    ApiClient member;

    @BeforeAll
    void login() {
        admin = ApiClient.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        member = ApiClient.loggedIn(port, DemoAccounts.MEMBER, DemoAccounts.PASSWORD);
    }

    private static void assertProblem(ApiClient.Response r, int status, String title, String detailPart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        var json = r.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("type").asString()).startsWith("urn:zhibu:problem:");
        assertThat(json.get("title").asString()).isEqualTo(title);
        assertThat(json.get("detail").asString()).contains(detailPart);
        assertThat(r.body()).doesNotContain("Exception", "timestamp", "trace", "<html");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({"application/json", "text/html", "*/*", "application/xml"})
    void an_unknown_path_is_a_404_problem_whatever_the_client_accepts(String accept) {
        var r = admin.send("GET", "/api/v1/no-such-thing", null, Map.of("Accept", accept));
        assertProblem(r, 404, "未找到", "/api/v1/no-such-thing");
        assertThat(r.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void a_record_that_is_not_there_is_a_404_problem() {
        assertProblem(admin.get("/api/v1/members/987654321"), 404, "未找到", "不在您的管理范围内");
    }

    @Test
    void a_method_the_path_does_not_take_is_a_405_problem_with_allow() {
        var r = admin.delete("/api/v1/me");
        assertProblem(r, 405, "不支持该请求方法", "DELETE");
        assertThat(r.header("Allow")).contains("GET");
    }

    @Test
    void an_accept_the_api_cannot_answer_is_a_406_problem() {
        assertProblem(admin.send("GET", "/api/v1/me", null, Map.of("Accept", "application/xml")), 406,
                "无法提供所要求的格式", "application/json");
    }

    @Test
    void a_body_of_another_media_type_is_a_415_problem() {
        assertProblem(admin.send("POST", "/api/v1/orgs", "name=x", Map.of("Content-Type", "text/plain")), 415,
                "不支持的内容类型", "text/plain");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"*/*", "application/*", "json", ";"})
    void a_content_type_that_names_no_one_type_is_a_415_problem(String contentType) {
        assertProblem(admin.send("POST", "/api/v1/orgs", "{}", Map.of("Content-Type", contentType)), 415,
                "不支持的内容类型", "Content-Type");
    }

    @Test
    void a_form_body_with_a_broken_percent_escape_is_a_400_problem() {
        assertProblem(admin.send("POST", "/api/v1/members", "name=%_%zz",
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 400, "请求内容有误", "无法解码");
    }

    @Test
    void a_step_naming_thousands_of_members_is_refused_before_any_is_looked_up() {
        ApiClient.Response r = admin.post("/api/v1/admission/cases/1/steps",
                Map.of("memberIds", java.util.stream.LongStream.range(1, 10_001).boxed().toList()));
        assertProblem(r, 400, "请求内容有误", "最多10人");
        assertThat(r.json().get("errors").has("memberIds")).isTrue();
    }

    @Test
    void an_update_without_its_record_is_a_400_problem_naming_it() {
        assertProblem(admin.put("/api/v1/orgs/1", Map.of("version", 0)), 400, "请求内容有误", "缺少组织信息");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'{'                   | 不是有效的 JSON",
            "'{\"name\": \"x\"} {}' | 不是有效的 JSON",
            "'[1, 2]'              | 请求内容应为对象",
            "''                    | 缺少请求内容",
    })
    void an_unreadable_body_is_a_400_problem(String body, String detail) {
        assertProblem(admin.send("POST", "/api/v1/orgs", body, Map.of()), 400, "请求内容有误", detail);
    }

    @Test
    void a_missing_or_malformed_parameter_is_a_400_problem_naming_it() {
        var missing = admin.get("/api/v1/admission/cases");
        assertProblem(missing, 400, "请求内容有误", "orgId");
        assertThat(missing.errors()).containsKey("orgId");
        var malformed = admin.get("/api/v1/members/abc");
        assertProblem(malformed, 400, "请求内容有误", "abc");
        assertThat(malformed.errors()).containsKey("id");
        var overflow = admin.get("/api/v1/members?page=2147483648");
        assertProblem(overflow, 400, "请求内容有误", "整数");
        assertThat(overflow.errors()).containsKey("page");
    }

    @Test
    void no_token_a_bad_token_and_a_wrong_password_are_401_problems() {
        ApiClient anonymous = new ApiClient(port);
        assertProblem(anonymous.send("GET", "/api/v1/me", null, Map.of("Accept", "text/html")), 401, "未登录",
                "令牌");
        assertProblem(anonymous.send("GET", "/api/v1/no-such-thing", null, Map.of()), 401, "未登录", "令牌");
        assertProblem(anonymous.send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer forged")), 401,
                "未登录", "令牌");
        var wrong = anonymous.post("/api/v1/auth/token", Map.of("username", DemoAccounts.ADMIN, "password", "wrong"));
        assertProblem(wrong, 401, "未登录", "密码");
        var none = anonymous.post("/api/v1/auth/token", Map.of("username", DemoAccounts.ADMIN));
        assertProblem(none, 400, "请求内容有误", "请提供用户名和密码");
        assertThat(none.errors()).containsKey("password");
    }

    @Test
    void what_the_caller_may_not_do_is_a_403_problem() {
        assertProblem(member.get("/api/v1/audit"), 403, "无权操作", "");
    }

    @Test
    void an_upload_over_the_limit_is_a_413_problem() throws Exception {
        String boundary = "zhibu-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[51 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // sent without a length (chunked), so the server reads up to the limit before refusing and the client reads
        // the answer; a client announcing 51 MB is refused before a byte is read, and may see the connection reset
        // while it still sends
        byte[] bytes = body.toByteArray();
        HttpRequest request = admin.request("/api/v1/member-imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        assertProblem(admin.send(request), 413, "请求内容过大", "MB");
    }

    @Test
    void a_json_document_over_a_megabyte_is_a_413_problem() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(admin.postJson("/api/v1/orgs", huge), 413, "请求内容过大", "1 MB");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/members;x=1", "/api/v1/members/%2e%2e/me", "/api/v1/orgs%2F1"})
    void a_request_the_security_filter_refuses_is_a_400_problem(String path) {
        // refused by Spring Security's firewall, in a filter before any controller
        assertProblem(admin.get(path), 400, "请求内容有误", "");
    }

    @Test
    void a_malformed_request_line_gets_no_html() throws Exception {
        // what Tomcat itself refuses before any servlet sees it: an answer without an HTML page
        String answer = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("<html")
                .contains("application/problem+json").contains("\"status\":400");
    }

    @Test
    void pages_keep_their_friendly_html_error_page() {
        BrowserSession browser = BrowserSession.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        BrowserSession.Page missing = browser.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<html").contains("页面不存在");
    }

    @Test
    void the_error_page_asked_for_by_its_own_path_is_a_404_not_a_500() {
        BrowserSession.Page page = new BrowserSession(port).get("/error");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在");
    }

    @Test
    void every_api_operation_is_served_by_a_rest_controller_so_its_errors_are_problems() {
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (api) {
                assertThat(AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class))
                        .as(method + " serves " + info.getPatternValues() + " from a @RestController")
                        .isTrue();
                assertThat(info.getPatternValues()).as(method + " mixes API and page paths")
                        .allMatch(p -> p.startsWith("/api/"));
            }
        });
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
