package cn.zhibu.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both HTTP clients of the benchmark ({@code --client}) against a real HTTP server: a figure means the same whichever
 * measured it — the same requests sent, the same answers counted as successes or errors.
 */
class ApiClientTransportTest {

    private static final String TAG = "\"v7\"";

    private HttpServer server;
    private URI base;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/auth/token", exchange -> answer(exchange, 200, "{\"token\":\"t-1\"}", null));
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " type=" + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " cache=" + exchange.getRequestHeaders().getFirst("Cache-Control");
            seen.add(request);
            bodies.put(request, body);
            if (TAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else {
                answer(exchange, 200, "{\"名称\":\"江东省委\"}", TAG);
            }
        });
        server.createContext("/refused", exchange -> answer(exchange, 422, "{\"field\":\"name\"}", null));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}", null);
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @EnumSource(BenchOptions.Client.class)
    void each_client_sends_the_token_and_the_body_and_reads_status_body_and_tag(BenchOptions.Client client) {
        ApiClient api = ApiClient.login(base, "sheng", "pw", client);

        ApiResponse read = api.getFresh("/echo?q=" + ApiClient.encode("张 三"));
        ApiResponse written = api.post("/echo", Map.of("名称", "第一支部"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"名称\":\"江东省委\"}");
        assertThat(read.etag()).isEqualTo(TAG);
        assertThat(read.nanos()).isPositive();
        assertThat(written.ok()).isTrue();
        assertThat(seen).containsExactly(
                "GET /echo?q=%E5%BC%A0+%E4%B8%89 auth=Bearer t-1 type=null cache=no-cache",
                "POST /echo auth=Bearer t-1 type=application/json cache=null");
        assertThat(new String(bodies.get(seen.get(1)), StandardCharsets.UTF_8)).isEqualTo("{\"名称\":\"第一支部\"}");
    }

    @ParameterizedTest
    @EnumSource(BenchOptions.Client.class)
    void a_tag_sent_back_is_answered_304_without_a_body_and_counts_as_a_success(BenchOptions.Client client) {
        ApiClient api = ApiClient.login(base, "sheng", "pw", client);

        // many in a row on the kept-alive connections: the pool must hand back a connection after a bodiless 304
        for (int i = 0; i < 300; i++) {
            ApiResponse again = api.getIfChanged("/echo", TAG);
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.ok()).isTrue();
            assertThat(again.body()).isEmpty();
        }
        assertThat(api.getIfChanged("/echo", null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(BenchOptions.Client.class)
    void an_answer_of_4xx_is_an_error_with_its_body_and_no_answer_in_time_is_status_0(BenchOptions.Client client) {
        ApiClient api = ApiClient.login(base, "sheng", "pw", client);

        ApiResponse refused = api.put("/refused", Map.of("name", ""));
        ApiResponse late = api.post("/slow", Map.of(), Duration.ofMillis(300));

        assertThat(refused.ok()).isFalse();
        assertThat(refused.describe()).isEqualTo("422 {\"field\":\"name\"}");
        assertThat(late.status()).isZero();
        assertThat(late.ok()).isFalse();
        assertThat(late.nanos()).isBetween(Duration.ofMillis(250).toNanos(), Duration.ofMillis(1_900).toNanos());
    }

    @ParameterizedTest
    @EnumSource(BenchOptions.Client.class)
    void a_file_travels_as_multipart_form_data_in_the_part_named_file(BenchOptions.Client client) {
        ApiClient api = ApiClient.login(base, "sheng", "pw", client);
        byte[] content = {0x50, 0x4b, 0x03, 0x04, 0, (byte) 0xff};

        assertThat(api.postFile("/echo", "导入.xlsx", content).status()).isEqualTo(200);

        String request = seen.get(0);
        assertThat(request).startsWith("POST /echo auth=Bearer t-1 type=multipart/form-data; boundary=zhibu-bench-");
        byte[] body = bodies.get(request);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Content-Disposition: form-data; name=\"file\"; filename=\""
                + new String("导入.xlsx".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "\"");
        assertThat(text).contains(new String(content, StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @EnumSource(BenchOptions.Client.class)
    void an_app_that_is_not_there_is_named_in_the_error(BenchOptions.Client client) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> ApiClient.login(nowhere, "sheng", "pw", client))
                .isInstanceOf(BenchException.class)
                .hasMessageStartingWith("cannot reach the app at " + nowhere);
    }

    private static void answer(HttpExchange exchange, int status, String json, String etag) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
