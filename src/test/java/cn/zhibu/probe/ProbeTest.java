package cn.zhibu.probe;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

@IntegrationTest
class ProbeTest {
    @LocalServerPort int port;

    @Test
    void probe() throws Exception {
        ApiClient admin = ApiClient.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        var orgs = admin.get("/api/v1/orgs");
        System.out.println("ORGS " + orgs.body());
        long root = orgs.json().get(0).get("id").asLong();
        p("nul name", admin.post("/api/v1/orgs", Map.of("parentId", root, "name", "a\u0000b", "type", "BRANCH", "category", "GOVERNMENT")));
        p("float parent", admin.post("/api/v1/orgs", Map.of("parentId", root + 0.5, "name", "浮点支部", "type", "BRANCH", "category", "GOVERNMENT")));
        p("num enum", admin.post("/api/v1/orgs", Map.of("parentId", root, "name", "数字枚举支部", "type", 3, "category", "GOVERNMENT")));
        p("huge date", admin.post("/api/v1/orgs", Map.of("parentId", root, "name", "大日期支部", "type", "BRANCH", "category", "GOVERNMENT", "establishedOn", "+999999999-12-31")));
        p("min date", admin.post("/api/v1/orgs", Map.of("parentId", root, "name", "小日期支部", "type", "BRANCH", "category", "GOVERNMENT", "establishedOn", "-999999999-01-01")));
        p("page max", admin.get("/api/v1/members?page=2147483647"));
        p("page neg", admin.get("/api/v1/members?page=-1"));
        p("size huge", admin.get("/api/v1/members?size=2147483647"));
        p("pub page max", admin.get("/api/v1/publicity?page=2147483647"));
        p("adm page max", admin.get("/api/v1/admission/cases?orgId=" + root + "&page=2147483647"));
        p("audit page max", admin.get("/api/v1/audit?page=2147483647"));
        p("unknown", admin.get("/api/v1/nothing-here"));
        p("405", admin.delete("/api/v1/me"));
        p("bad json", admin.post("/api/v1/orgs", "not json"));
        p("cal period", admin.get("/api/v1/calendar/period?startsOn=%2B999999999-12-31&workingDays=5"));
        HttpClient http = HttpClient.newHttpClient();
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me")).header("Authorization", "Bearer " + admin.token()).header("Accept", "application/xml").build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("PROBE 406 -> " + r.statusCode() + " " + r.headers().firstValue("content-type") + " " + r.body());
        r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orgs")).header("Authorization", "Bearer " + admin.token()).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("PROBE 415 -> " + r.statusCode() + " " + r.headers().firstValue("content-type") + " " + r.body());
        r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/nothing")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("PROBE 401 -> " + r.statusCode() + " " + r.headers().firstValue("content-type") + " " + r.body());
        r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/nothing")).header("Authorization", "Bearer " + admin.token()).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("PROBE 404html -> " + r.statusCode() + " " + r.headers().firstValue("content-type") + " " + r.body());
    }

    static void p(String what, ApiClient.Response r) {
        System.out.println("PROBE " + what + " -> " + r.status() + " " + r.body().substring(0, Math.min(300, r.body().length())));
    }
}
